package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsServiceException;

/**
 * SQS's errors in its JSON protocol: {@code __type} is {@code com.amazonaws.sqs#<Code>} (the SDK maps the code after
 * '#' to its exception class, QueueDoesNotExistException and so on) and the message member is {@code message}.
 */
final class SqsErrors {
    private SqsErrors() {}

    static final class Error extends AwsServiceException {
        private final String queryCode;

        Error(String type, int status, String message, String queryCode) {
            super(type, status, message);
            this.queryCode = queryCode;
        }

        @Override public String wireType() { return "com.amazonaws.sqs#" + type(); }

        @Override public ObjectNode extra() { return null; }

        String queryCode() { return queryCode; }
    }

    static Error noQueue() {
        return new Error("QueueDoesNotExist", 400, "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue");
    }

    static Error badReceipt(String handle) {
        return new Error("ReceiptHandleIsInvalid", 400, "The input receipt handle \"" + handle + "\" is not a valid receipt handle.", "ReceiptHandleIsInvalid");
    }

    static Error tooLong() {
        return new Error("InvalidParameterValue", 400, "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.", "InvalidParameterValue");
    }

    static Error invalid(String message) {
        return new Error("InvalidParameterValue", 400, message, "InvalidParameterValue");
    }
}
