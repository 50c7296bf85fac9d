package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered in DynamoDB's JSON error shape. */
public class DynamoException extends RuntimeException {
    public final String type;
    public final int status;
    /** Extra members of the error body (Item, CancellationReasons), or null. */
    public ObjectNode extra;

    public DynamoException(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public String fullType() {
        if (type.equals("ServiceUnavailableException") || type.equals("SerializationException")
                || type.equals("UnknownOperationException") || type.equals("MissingAuthenticationTokenException"))
            return "com.amazon.coral.service#" + type;
        return "com.amazonaws.dynamodb.v20120810#" + type;
    }

    public static final class Validation extends DynamoException {
        public Validation(String message) { super("ValidationException", 400, message); }
    }

    static DynamoException notFound(String message) {
        return new DynamoException("ResourceNotFoundException", 400, message);
    }

    static DynamoException inUse(String message) {
        return new DynamoException("ResourceInUseException", 400, message);
    }

    static DynamoException conditionFailed() {
        return new DynamoException("ConditionalCheckFailedException", 400, "The conditional request failed");
    }
}
