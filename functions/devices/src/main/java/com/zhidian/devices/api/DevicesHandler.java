package com.zhidian.devices.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.devices.application.DevicesComposition;

/** The devices context's Lambda function (DevicesFunction): the device registry of a store. */
public final class DevicesHandler extends ApiFunction {

    public DevicesHandler() {
        this(Platform.fromEnvironment());
    }

    private DevicesHandler(Platform platform) {
        this(DevicesComposition.withLabels(platform.db(), platform.clock()), platform);
    }

    public DevicesHandler(DevicesComposition.Services services, Platform platform) {
        super(routes(services), platform);
    }

    static Routes routes(DevicesComposition.Services services) {
        Routes routes = new Routes(DevicesProblems.table());
        DevicesRoutes.register(routes, services.devices(), services.labels());
        LabelsRoutes.register(routes, services.labels());
        return routes;
    }
}
