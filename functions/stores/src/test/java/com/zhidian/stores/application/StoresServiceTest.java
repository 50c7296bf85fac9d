package com.zhidian.stores.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.ApiException;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.domain.StoresErrors;
import com.zhidian.stores.fakes.FakeLogins;
import com.zhidian.stores.fakes.InMemoryStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoresServiceTest {
    private final InMemoryStores repo = new InMemoryStores();
    private final FakeLogins logins = new FakeLogins();
    private final StoresService svc = new StoresService(repo, logins, Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC));
    private final Caller owner = new Caller("o-sub", "owner@a.cn", Role.OWNER, "tn_a", Set.of(), null);

    private Store open(Caller c, String name) {
        return svc.create(c, new StoresService.NewStore(name, "convenience", "上海", "Asia/Shanghai"));
    }

    private static Caller staff(String tenant, String... stores) {
        return new Caller("s-sub", "staff@a.cn", Role.STAFF, tenant, Set.of(stores), null);
    }

    @Test
    void owners_listEveryStore_staffOnlyTheirs() {
        Store one = open(owner, "一号店");
        Store two = open(owner, "二号店");
        assertEquals(2, svc.list(owner, 50, null).items().size());
        assertEquals(List.of(two), svc.list(staff("tn_a", two.storeId()), 50, null).items());
        assertEquals(one, svc.get(owner, one.storeId()));
        assertEquals("2026-05-01T02:00:00Z", one.createdAt());
    }

    @Test
    void anotherTenantsStore_isNotFound_andStaffOfAnotherStoreToo() {
        Store one = open(owner, "一号店");
        Caller other = new Caller("x", "x@b.cn", Role.OWNER, "tn_b", Set.of(), null);
        assertEquals(one.storeId(), assertThrows(StoresErrors.StoreNotFound.class, () -> svc.get(other, one.storeId())).storeId());
        assertEquals(404, assertThrows(ApiException.class, () -> svc.get(staff("tn_a", "st_other"), one.storeId())).status());
    }

    @Test
    void aLoginNamingUnknownStores_isRefused_beforeAnyLoginIsMade() {
        Store one = open(owner, "一号店");
        var e = assertThrows(StoresErrors.UnknownStores.class, () -> svc.createUser(owner,
                new StoresService.NewUser("new@a.cn", "新人", "staff", List.of(one.storeId(), "st_zz", "st_aa"))));
        assertEquals(List.of("st_aa", "st_zz"), e.storeIds());
        assertTrue(logins.byEmail.isEmpty());
    }

    @Test
    void aLoginWhoseRecordCannotBeWritten_isRemovedAgain() {
        Store one = open(owner, "一号店");
        repo.failUserWrites = true;
        assertThrows(IllegalStateException.class, () -> svc.createUser(owner,
                new StoresService.NewUser("New@A.cn", "新人", "staff", List.of(one.storeId()))));
        assertTrue(logins.byEmail.isEmpty());
        repo.failUserWrites = false;
        var created = svc.createUser(owner, new StoresService.NewUser("New@A.cn", "新人", "staff", List.of(one.storeId())));
        assertEquals("new@a.cn", created.user().email(), "emails are kept lower case");
        assertEquals("tn_a", logins.byEmail.get("new@a.cn").tenantId());
        assertEquals(List.of(created.user()), svc.users(owner, 50, null).items());
        assertThrows(StoresErrors.EmailTaken.class, () -> svc.createUser(owner,
                new StoresService.NewUser("new@a.cn", "again", "owner", List.of())));
    }

    @Test
    void allStores_readsEveryPage() {
        for (int i = 0; i < 205; i++) open(owner, "店" + i);
        assertEquals(205, svc.allStores("tn_a").size());
        assertNull(svc.list(owner, 300, null).nextCursor());
    }

    @Test
    void disablingALogin_isRefusedForOneself_andPutBackWhenTheRecordCannotBeWritten() {
        Store one = open(owner, "一号店");
        var made = svc.createUser(owner, new StoresService.NewUser("s@a.cn", "店员", "staff", List.of(one.storeId())));
        String id = made.user().userId();
        assertEquals("disabled", svc.changeUser(owner, id, "disabled", null).status());
        assertEquals(false, logins.enabled.get("s@a.cn"));
        repo.failUserWrites = true;
        assertThrows(IllegalStateException.class, () -> svc.changeUser(owner, id, "enabled", null));
        assertEquals(false, logins.enabled.get("s@a.cn"), "the login is put back as the record says");
        repo.failUserWrites = false;
        Caller self = new Caller(id, "s@a.cn", Role.OWNER, "tn_a", Set.of(), null);
        assertThrows(StoresErrors.CannotDisableSelf.class, () -> svc.changeUser(self, id, "disabled", null));
        assertThrows(StoresErrors.StaffNotFound.class, () -> svc.changeUser(owner, "u_none", "disabled", null));
    }

    @Test
    void aStaffMembersStores_change_inTheLoginAndTheRecord_andOnlyToTheTenantsStores() {
        Store one = open(owner, "一号店");
        Store two = open(owner, "二号店");
        var made = svc.createUser(owner, new StoresService.NewUser("s@a.cn", "店员", "staff", List.of(one.storeId())));
        assertEquals(List.of(two.storeId()), svc.changeUser(owner, made.user().userId(), null, List.of(two.storeId())).storeIds());
        assertEquals(List.of(two.storeId()), logins.stores.get("s@a.cn"));
        assertThrows(StoresErrors.UnknownStores.class, () -> svc.changeUser(owner, made.user().userId(), null, List.of("st_zz")));
        var boss = svc.createUser(owner, new StoresService.NewUser("b@a.cn", "老板", "owner", List.of()));
        assertThrows(StoresErrors.OwnerHasAllStores.class, () -> svc.changeUser(owner, boss.user().userId(), null, List.of(one.storeId())));
        String temp = svc.resetPassword(owner, made.user().userId()).temporaryPassword();
        assertEquals(temp, logins.passwords.get("s@a.cn"));
    }

    @Test
    void aStore_isEdited_closedAndReopened() {
        Store one = open(owner, "一号店");
        assertEquals("open", one.status());
        assertEquals("新名字", svc.change(owner, one.storeId(), java.util.Map.of("name", "新名字")).name());
        assertEquals("closed", svc.change(owner, one.storeId(), java.util.Map.of("status", "closed")).status());
        assertEquals("新名字", svc.get(owner, one.storeId()).name());
        Caller other = new Caller("x", "x@b.cn", Role.OWNER, "tn_b", Set.of(), null);
        assertThrows(StoresErrors.StoreNotFound.class, () -> svc.change(other, one.storeId(), java.util.Map.of("name", "x")));
    }
}
