package com.zhidian.local.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsServiceException;

/**
 * SQS's errors in its JSON protocol: {@code __type} is {@code com.amazonaws.sqs#<Code>} (the SDK maps the code after
 * '#' to its exception class, QueueDoesNotExistException and so on) and the message member is {@code message}. The
 * query protocol's code (AWS.SimpleQueueService.NonExistentQueue...) travels in the {@code x-amzn-query-error} header as
 * {@code <code>;Sender}, which the SDK reports as {@code awsErrorDetails().errorCode()} (SQS is awsQueryCompatible).
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

    /** CreateQueue / SetQueueAttributes: an attribute's value out of its range. */
    static Error badAttribute(String name) {
        return new Error("InvalidAttributeValue", 400, "Invalid value for the parameter " + name + ".", "InvalidAttributeValue");
    }

    static Error unknownAttribute(String name) {
        return new Error("InvalidAttributeName", 400, "Unknown Attribute " + name + ".", "InvalidAttributeName");
    }

    static Error nameExists(String name) {
        return new Error("QueueNameExists", 400, "A queue already exists with the same name and a different value for attribute(s) " + name, "QueueAlreadyExists");
    }

    static Error invalidContents() {
        return new Error("InvalidMessageContents", 400, "Invalid binary character was found in the message body, the set of allowed characters is "
                + "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF", "InvalidMessageContents");
    }

    static Error notInflight() {
        return new Error("MessageNotInflight", 400, "The message referred to isn't in flight.", "AWS.SimpleQueueService.MessageNotInflight");
    }

    static Error goneForVisibility(String handle) {
        return invalid("Value " + handle + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.");
    }
}
