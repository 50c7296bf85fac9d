package com.zhidian.devices.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.devices.application.DeviceService;
import com.zhidian.devices.application.DevicesComposition;

/** The devices context's Lambda function (DevicesFunction): the device registry of a store. */
public final class DevicesHandler extends ApiFunction {

    public DevicesHandler() {
        this(Platform.fromEnvironment());
    }

    private DevicesHandler(Platform platform) {
        this(DevicesComposition.real(platform.db(), platform.clock()), platform);
    }

    public DevicesHandler(DeviceService service, Platform platform) {
        super(routes(service), platform);
    }

    static Routes routes(DeviceService service) {
        Routes routes = new Routes(DevicesProblems.table());
        DevicesRoutes.register(routes, service);
        return routes;
    }
}
