package com.zhidian.office.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.office.application.TaskService;
import java.util.Set;

/** The caller's task list, across their stores or in one. */
final class TasksRoutes {
    private final TaskService tasks;

    TasksRoutes(TaskService tasks) {
        this.tasks = tasks;
    }

    Routes declare(Routes routes) {
        return routes.on("GET /tasks", Set.of(OWNER, STAFF), r -> {
            String storeId = r.query("storeId");
            if (storeId != null && !Formats.ID.matcher(storeId).matches()) throw ApiException.badRequest("storeId", "must be a store id");
            return Response.ok(Views.page(tasks.mine(r.caller(), storeId).stream().map(Views::task).toList(), null));
        });
    }
}
