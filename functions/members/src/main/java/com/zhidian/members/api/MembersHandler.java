package com.zhidian.members.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.members.application.Members;

/**
 * The members function (members, points, consent over HTTP): the rails of {@link ApiFunction} around the
 * context's route classes. Routes only read and check the input, ask the services and shape the answer.
 */
public final class MembersHandler extends ApiFunction {

    /** What Lambda calls: the real services over the SDK clients. */
    public MembersHandler() {
        this(Platform.fromEnvironment());
    }

    private MembersHandler(Platform platform) {
        this(platform, Members.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public MembersHandler(Platform platform, Members m) {
        super(routes(platform, m), platform);
    }

    private static Routes routes(Platform platform, Members m) {
        Routes routes = new Routes(MembersProblems.TABLE);
        Inputs inputs = new Inputs(platform.tenants(), m.clock());
        new MembersRoutes(m.members(), inputs).declare(routes);
        new CardRoutes(m.members(), m.qr(), m.clock()).declare(routes);
        new PointsRoutes(m.points(), m.settings(), inputs).declare(routes);
        new MeRoutes(m.members(), m.points(), m.qr(), m.clock()).declare(routes);
        return routes;
    }
}
