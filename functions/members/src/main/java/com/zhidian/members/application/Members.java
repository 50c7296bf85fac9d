package com.zhidian.members.application;

import com.zhidian.core.Env;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.tenancy.Usage;
import com.zhidian.members.domain.CardQr;
import com.zhidian.members.domain.SettingsRepository;
import com.zhidian.members.store.CognitoCustomerLogins;
import com.zhidian.members.store.DynamoMemberRepository;
import com.zhidian.members.store.DynamoPointsRepository;
import com.zhidian.members.store.DynamoSettingsRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The members context's one composition: its services over the real adapters, built once per container. The
 * HTTP function, the points job and another context that calls this one in process (orders earn and spend
 * points through {@link PointsService}, never through the table) all take their services from here.
 */
public record Members(MemberService members, PointsService points, SettingsRepository settings, CardQr qr, Clock clock) {

    public static Members wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        DynamoPointsRepository pointsRepo = new DynamoPointsRepository(db);
        DynamoSettingsRepository settings = new DynamoSettingsRepository(db, tenants);
        PointsService points = new PointsService(pointsRepo, settings, clock);
        MemberService members = new MemberService(new DynamoMemberRepository(db, new Usage(db, clock)), pointsRepo, points,
                new CognitoCustomerLogins(AwsClients::cognito), clock);
        return new Members(members, points, settings, qrFromEnvironment(), clock);
    }

    /**
     * Joining for the self sign-up trigger: the same use case, whose login step marks the login Cognito already made
     * (SignUp) instead of creating one.
     */
    public static MemberService signUps(DynamoDbClient db, TenantDirectory tenants, Clock clock, String poolId) {
        DynamoPointsRepository pointsRepo = new DynamoPointsRepository(db);
        PointsService points = new PointsService(pointsRepo, new DynamoSettingsRepository(db, tenants), clock);
        return new MemberService(new DynamoMemberRepository(db, new Usage(db, clock)), pointsRepo, points,
                new com.zhidian.members.store.SignedUpLogins(AwsClients::cognito, poolId), clock);
    }

    /** The allowance of texted codes per phone, for the sign-up and sign-in triggers. */
    public static TextBudget texts(DynamoDbClient db, Clock clock) {
        return new TextBudget(new com.zhidian.members.store.DynamoTextLog(db), clock);
    }

    /** Members by the many (a filter, a list of ids), for another context; ids and standing, no personal data. */
    public static MemberFinder finder(DynamoDbClient db) {
        return new MemberFinder(new com.zhidian.members.store.DynamoMemberQuery(db));
    }

    /** The points use cases alone (the scheduled job, other contexts). */
    public static PointsService points(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return new PointsService(new DynamoPointsRepository(db), new DynamoSettingsRepository(db, tenants), clock);
    }

    /** The member QR codes' signing key (MEMBER_QR_SECRET). */
    public static CardQr qrFromEnvironment() {
        return new CardQr(Env.get("MEMBER_QR_SECRET", "zhidian-local-member-qr-secret"));
    }
}
