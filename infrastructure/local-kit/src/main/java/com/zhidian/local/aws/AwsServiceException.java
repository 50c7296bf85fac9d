package com.zhidian.local.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error a stand-in answers in AWS's JSON protocol shape: an HTTP status and {@code {"__type": ..., "message":
 * ...}} (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html#operation-error-serialization). A service
 * whose errors differ in detail overrides {@link #wireType()}, {@link #messageField()} or {@link #extra()}.
 */
public class AwsServiceException extends RuntimeException {
    private final String type;
    private final int status;

    public AwsServiceException(String type, int status, String message) {
        super(message, null, false, false); // thrown for ordinary refusals: no stack trace to fill
        this.type = type;
        this.status = status;
    }

    /** The error's short name, e.g. {@code ResourceNotFoundException}. */
    public String type() { return type; }

    public int status() { return status; }

    /** What {@code __type} says: the short name unless the service qualifies it. */
    public String wireType() { return type; }

    /** The body's member for the message: {@code message} unless the service spells it otherwise. */
    public String messageField() { return "message"; }

    /** Further members of the error body, or null. */
    public ObjectNode extra() { return null; }
}
