package com.zhidian.office.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.office.application.Office;

/** The office function: patrol checkpoints, routes, check-ins, rounds and alerts; announcements; the task list. */
public final class OfficeHandler extends ApiFunction {

    public OfficeHandler() {
        this(Platform.fromEnvironment());
    }

    private OfficeHandler(Platform platform) {
        this(platform, Office.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public OfficeHandler(Platform platform, Office o) {
        super(routes(o), platform);
    }

    private static Routes routes(Office o) {
        Routes routes = new Routes(OfficeProblems.TABLE);
        new PatrolSetupRoutes(o.patrols(), o.video(), o.clock()).declare(routes);
        new PatrolSettingsRoutes(o.video()).declare(routes);
        new PatrolRoundsRoutes(o.patrols(), o.video()).declare(routes);
        new AnnouncementsRoutes(o.announcements()).declare(routes);
        new TasksRoutes(o.tasks()).declare(routes);
        return routes;
    }
}
