package com.zhidian.local.iot.shadow;

/**
 * A request the Device Shadow service refuses, with the HTTP code and the message text of the AWS
 * document "Device Shadow error messages" (device-shadow-error-messages.html).
 */
public final class ShadowException extends RuntimeException {
    public static final String INVALID_JSON = "Invalid JSON";
    public static final String MISSING_STATE = "Missing required node: state";
    public static final String STATE_NOT_OBJECT = "State node must be an object";
    public static final String DESIRED_NOT_OBJECT = "Desired node must be an object";
    public static final String REPORTED_NOT_OBJECT = "Reported node must be an object";
    public static final String INVALID_VERSION = "Invalid version";
    public static final String INVALID_CLIENT_TOKEN = "Invalid clientToken";
    public static final String TOO_DEEP = "JSON contains too many levels of nesting; maximum is 6";
    public static final String INVALID_NODE = "State contains an invalid node";
    public static final String VERSION_CONFLICT = "Version conflict";
    public static final String TOO_LARGE = "The payload exceeds the maximum size allowed";
    public static final String NOT_UTF8 = "Unsupported documented encoding; supported encoding is UTF-8";

    private final int code;
    private final String clientToken;

    public ShadowException(int code, String message, String clientToken) {
        super(message, null, false, false);
        this.code = code;
        this.clientToken = clientToken;
    }

    public static ShadowException badRequest(String message, String clientToken) {
        return new ShadowException(400, message, clientToken);
    }

    /** AWS quotes the name: {@code No shadow exists with name: 'esl'}. */
    public static ShadowException noShadow(String name, String clientToken) {
        return new ShadowException(404, "No shadow exists with name: '" + name + "'", clientToken);
    }

    public int code() {
        return code;
    }

    /** The request's token, echoed in the error document when the request carried a valid one. */
    public String clientToken() {
        return clientToken;
    }
}
