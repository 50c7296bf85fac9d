package com.zhidian.local.cognito;

/** An error as the Cognito Identity Provider API answers it: {@code {"__type": type, "message": message}}. */
public final class CognitoException extends RuntimeException {
    private final String type;
    private final int status;

    public CognitoException(String type, String message) {
        this(type, message, 400);
    }

    public CognitoException(String type, String message, int status) {
        super(message);
        this.type = type;
        this.status = status;
    }

    public String type() { return type; }

    public int status() { return status; }

    static CognitoException notAuthorized(String message) { return new CognitoException("NotAuthorizedException", message); }

    static CognitoException invalidParameter(String message) { return new CognitoException("InvalidParameterException", message); }

    static CognitoException userNotFound() { return new CognitoException("UserNotFoundException", "User does not exist."); }
}
