package com.zhidian.parking.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.parking.application.Parking;

/** The parking context's Lambda function (ParkingFunction): car parks, stays, members' plates and cards, the public exit and pillar pages. */
public final class ParkingHandler extends ApiFunction {
    public ParkingHandler() {
        this(Platform.fromEnvironment());
    }

    private ParkingHandler(Platform platform) {
        this(platform, Parking.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public ParkingHandler(Platform platform, Parking p) {
        super(routes(platform, p), platform);
    }

    static Routes routes(Platform platform, Parking p) {
        Routes routes = new Routes(ParkingProblems.TABLE);
        new CarParkRoutes(p.parking(), p.links()).declare(routes);
        new MyParkingRoutes(p.parking()).declare(routes);
        new PublicParkingRoutes(p.parking(), p.links(), platform).declare(routes);
        return routes;
    }
}
