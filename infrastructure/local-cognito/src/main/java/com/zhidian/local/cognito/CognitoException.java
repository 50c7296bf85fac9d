package com.zhidian.local.cognito;

import com.zhidian.local.aws.AwsServiceException;

/** An error as the Cognito Identity Provider API answers it: {@code {"__type": type, "message": message}}. */
public final class CognitoException extends AwsServiceException {

    public CognitoException(String type, String message) {
        this(type, message, 400);
    }

    public CognitoException(String type, String message, int status) {
        super(type, status, message);
    }

    static CognitoException notAuthorized(String message) { return new CognitoException("NotAuthorizedException", message); }

    static CognitoException invalidParameter(String message) { return new CognitoException("InvalidParameterException", message); }

    static CognitoException userNotFound() { return new CognitoException("UserNotFoundException", "User does not exist."); }
}
