package com.zhidian.core.http;

/** One operation of a function: a request in, a response out; failures are thrown as ApiException. */
@FunctionalInterface
public interface Route {
    Response handle(Request request);
}
