package com.zhidian.members.auth;

/** Delivers a one-time code to a phone. */
public interface OtpSender {
    OtpSender NONE = (phone, code) -> { };

    void send(String e164Phone, String code);
}
