package com.zhidian.telemetry.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.telemetry.application.Telemetry;

/** The sensors context's API function (TelemetryFunction): alerts, alert settings, energy, environment and traffic. */
public final class TelemetryHandler extends ApiFunction {
    public TelemetryHandler() {
        this(Platform.fromEnvironment());
    }

    private TelemetryHandler(Platform platform) {
        this(platform, Telemetry.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public TelemetryHandler(Platform platform, Telemetry t) {
        super(routes(t), platform);
    }

    static Routes routes(Telemetry t) {
        Routes routes = new Routes(TelemetryProblems.TABLE);
        new AlertsRoutes(t.alerts()).declare(routes);
        new SettingsRoutes(t.settings()).declare(routes);
        new InsightsRoutes(t.insights(), t.clock()).declare(routes);
        return routes;
    }
}
