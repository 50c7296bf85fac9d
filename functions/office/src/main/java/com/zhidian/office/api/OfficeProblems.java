package com.zhidian.office.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.office.domain.OfficeErrors.AlreadyVisited;
import com.zhidian.office.domain.OfficeErrors.AnnouncementNotFound;
import com.zhidian.office.domain.OfficeErrors.NoRoundOpen;
import com.zhidian.office.domain.OfficeErrors.NotATag;
import com.zhidian.office.domain.OfficeErrors.NotOnRoute;
import com.zhidian.office.domain.OfficeErrors.PatrolAlertNotFound;
import com.zhidian.office.domain.OfficeErrors.RoundClosed;
import com.zhidian.office.domain.OfficeErrors.StoreNotFound;
import com.zhidian.office.domain.OfficeErrors.UnknownCamera;
import com.zhidian.office.domain.OfficeErrors.UnknownCheckpoints;
import com.zhidian.office.domain.OfficeErrors.UnknownStaff;
import com.zhidian.office.domain.OfficeErrors.UnknownStores;

/** The office context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class OfficeProblems {
    private OfficeProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(StoreNotFound.class, 404, "Not found",
                    e -> "store " + e.storeId() + " was not found",
                    e -> "未找到门店 " + e.storeId())
            .onField(UnknownCheckpoints.class, "checkpointIds",
                    e -> "these are not checkpoints of the store: " + e.checkpointIds(),
                    e -> "以下不是本门店的巡更点：" + e.checkpointIds())
            .onField(UnknownStaff.class, "staffIds",
                    e -> "these are not enabled logins of the store: " + e.staffIds(),
                    e -> "以下不是本门店在用的员工账号：" + e.staffIds())
            .onField(UnknownCamera.class, "cameraDeviceId",
                    e -> "device " + e.cameraDeviceId() + " is not a patrol camera of the store",
                    e -> "设备 " + e.cameraDeviceId() + " 不是本门店的巡更摄像头")
            .onField(NotATag.class, "code",
                    e -> "this is not the QR code of a checkpoint of your stores",
                    e -> "这不是您门店巡更点的二维码")
            .on(NoRoundOpen.class, 409, "Conflict",
                    e -> "no round of your routes through this checkpoint is open now",
                    e -> "您负责的巡更路线当前没有经过此巡更点的进行中轮次")
            .on(RoundClosed.class, 409, "Conflict",
                    e -> "round " + e.roundId() + " has closed",
                    e -> "巡更轮次 " + e.roundId() + " 已结束")
            .on(AlreadyVisited.class, 409, "Conflict",
                    e -> "this checkpoint was checked in already in round " + e.roundId(),
                    e -> "本轮巡更（" + e.roundId() + "）已在此巡更点签到")
            .on(NotOnRoute.class, 409, "Conflict",
                    e -> "checkpoint " + e.checkpointId() + " is not on this route",
                    e -> "巡更点 " + e.checkpointId() + " 不在此路线上")
            .on(PatrolAlertNotFound.class, 404, "Not found",
                    e -> "patrol alert " + e.patrolAlertId() + " was not found",
                    e -> "未找到巡更告警 " + e.patrolAlertId())
            .on(AnnouncementNotFound.class, 404, "Not found",
                    e -> "announcement " + e.announcementId() + " was not found",
                    e -> "未找到公告 " + e.announcementId())
            .onField(UnknownStores.class, "storeIds",
                    e -> "these are not stores of yours: " + e.storeIds(),
                    e -> "以下不是您的门店：" + e.storeIds());
}
