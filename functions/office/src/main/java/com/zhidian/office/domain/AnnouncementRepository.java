package com.zhidian.office.domain;

import com.zhidian.core.paging.Page;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where announcements and their read receipts are kept. */
public interface AnnouncementRepository {
    void add(String tenantId, Announcement a);

    Optional<Announcement> find(String tenantId, String announcementId);

    Page<Announcement> list(String tenantId, int limit, String cursor);

    /** Records the login's read once; false when it had read it already. */
    boolean markRead(String tenantId, String announcementId, Announcement.Receipt receipt);

    List<Announcement.Receipt> receipts(String tenantId, String announcementId);

    /** Of these announcements, the ones this login has read. */
    Set<String> readBy(String tenantId, String userId, List<String> announcementIds);
}
