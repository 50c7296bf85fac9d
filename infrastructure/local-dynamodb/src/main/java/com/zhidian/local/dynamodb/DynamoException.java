package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsServiceException;

/** An error answered in DynamoDB's JSON error shape: a qualified {@code __type}, and extra members for some. */
public class DynamoException extends AwsServiceException {
    /** Extra members of the error body (Item, CancellationReasons), or null. */
    public ObjectNode extra;

    public DynamoException(String type, int status, String message) {
        super(type, status, message);
    }

    /** The protocol's own errors are qualified by the coral service, DynamoDB's by its API version. */
    @Override
    public String wireType() {
        String type = type();
        if (type.equals("ServiceUnavailableException") || type.equals("SerializationException")
                || type.equals("UnknownOperationException") || type.equals("MissingAuthenticationTokenException"))
            return "com.amazon.coral.service#" + type;
        return "com.amazonaws.dynamodb.v20120810#" + type;
    }

    /** TransactionCanceledException spells it with a capital M, as DynamoDB does. */
    @Override
    public String messageField() {
        return type().equals("TransactionCanceledException") ? "Message" : "message";
    }

    @Override
    public ObjectNode extra() { return extra; }

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
