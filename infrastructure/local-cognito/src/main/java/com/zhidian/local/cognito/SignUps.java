package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Self sign-up as the Cognito API reference describes it: {@code SignUp} (the PreSignUp trigger may refuse or
 * auto-confirm; otherwise a confirmation code goes to the phone or e-mail the pool verifies), {@code ConfirmSignUp}
 * (then the PostConfirmation trigger), {@code ResendConfirmationCode}, and the session that SignUp and ConfirmSignUp
 * hand on so that {@code InitiateAuth USER_AUTH} signs the new user in without a second code.
 */
final class SignUps {
    /** Cognito's confirmation codes are valid for 24 hours. */
    static final Duration CODE_VALIDITY = Duration.ofHours(24);
    /** The authentication-flow session, as AuthFlows' (3 minutes). */
    static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);
    /** Wrong codes before the code is spent and a new one must be asked for. */
    static final int MAX_CODE_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PoolSettings pool;
    private final UserStore users;
    private volatile SignUpTriggers triggers;
    private volatile Supplier<String> codes = () -> String.format("%06d", RANDOM.nextInt(1_000_000));
    /** What was "texted", by destination, newest last: for tests and the local H5 (no SMS leaves the machine). */
    private final Map<String, String> outbox = new ConcurrentHashMap<>();

    /** A sign-up in progress (after SignUp) or one that may now sign in (after ConfirmSignUp). */
    private record Session(String username, boolean confirmed, long expiresAtMillis) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SignUps(PoolSettings pool, UserStore users) {
        this.pool = pool;
        this.users = users;
    }

    void setTriggers(SignUpTriggers t) { this.triggers = t; }

    SignUpTriggers triggers() { return triggers; }

    void setCodes(Supplier<String> codes) { this.codes = codes; }

    /** The last text sent to each destination, code filled in: what the customer would read. */
    private final Map<String, String> messages = new ConcurrentHashMap<>();

    String lastMessageSentTo(String destination) { return messages.get(destination); }

    String lastCodeSentTo(String destination) { return outbox.get(destination); }

    JsonNode signUp(JsonNode req) {
        Requests.checkClient(pool, req);
        SignUpPolicy policy = pool.signUp();
        if (policy.adminCreateUserOnly()) throw CognitoException.notAuthorized("SignUp is not permitted for this user pool");
        String username = Requests.checkUsername(Requests.text(req, "Username"));
        Map<String, String> attrs = Requests.attributes(req.get("UserAttributes"));
        for (String name : attrs.keySet()) {
            if (name.equals("sub") || (policy.writeAttributes() != null && !policy.writeAttributes().contains(name))) {
                throw CognitoException.notAuthorized("A client attempted to write unauthorized attribute");
            }
            if (name.startsWith("custom:") && !pool.customAttributes().isEmpty() && !pool.customAttributes().contains(name)) {
                throw CognitoException.invalidParameter("Attributes did not conform to the schema: Type for attribute {" + name + "} could not be determined");
            }
        }
        Requests.checkFormats(attrs);
        String phone = attrs.get("phone_number");
        String password = Requests.text(req, "Password");
        if (password != null) pool.passwordPolicy().check(password);
        Map<String, String> validationData = Requests.attributes(req.get("ValidationData"));
        Map<String, String> clientMetadata = Requests.stringMap(req.get("ClientMetadata"));
        synchronized (users) {
            if (users.find(username, List.of()).isPresent()) throw new CognitoException("UsernameExistsException", "User already exists");
        }
        SignUpTriggers.PreSignUpAnswer answer = SignUpTriggers.PreSignUpAnswer.NONE;
        SignUpTriggers t = triggers;
        if (t != null) {
            Map<String, String> eventAttrs = new LinkedHashMap<>(attrs);
            SignUpTriggers.PreSignUpAnswer a = refusing("PreSignUp", () -> t.preSignUp(username, eventAttrs, validationData, clientMetadata));
            if (a != null) answer = a;
        }
        String verified = verifiedAttribute(attrs);
        if (!answer.autoConfirmUser() && verified == null && !policy.autoVerifiedAttributes().isEmpty()) {
            throw CognitoException.invalidParameter("No verifiable attribute was given: " + String.join(", ", policy.autoVerifiedAttributes()));
        }
        User u;
        synchronized (users) {
            if (users.find(username, List.of()).isPresent()) throw new CognitoException("UsernameExistsException", "User already exists");
            long now = System.currentTimeMillis();
            u = new User();
            u.username = username;
            u.attributes.put("sub", UUID.randomUUID().toString());
            u.attributes.putAll(attrs);
            u.passwordHash = Passwords.hash(password != null ? password : Passwords.temporary() + UUID.randomUUID());
            u.createdMillis = now;
            u.modifiedMillis = now;
            if (answer.autoConfirmUser()) {
                u.status = "CONFIRMED";
                if (answer.autoVerifyPhone() && phone != null) u.attributes.put("phone_number_verified", "true");
                if (answer.autoVerifyEmail() && attrs.get("email") != null) u.attributes.put("email_verified", "true");
            } else {
                u.status = "UNCONFIRMED";
            }
            users.put(u);
        }
        ObjectNode out = Json.object();
        out.put("UserConfirmed", answer.autoConfirmUser());
        out.put("UserSub", u.sub());
        if (!answer.autoConfirmUser() && verified != null) out.set("CodeDeliveryDetails", sendCode(u, verified, "CustomMessage_SignUp", clientMetadata));
        out.put("Session", newSession(new Session(u.username, answer.autoConfirmUser(), 0)));
        return out;
    }

    JsonNode confirmSignUp(JsonNode req) {
        Requests.checkClient(pool, req);
        String username = Requests.text(req, "Username");
        String code = Requests.text(req, "ConfirmationCode");
        if (username == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
        if (code == null || !code.matches("[\\S]+")) {
            throw CognitoException.invalidParameter("1 validation error detected: Value at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+");
        }
        User u = users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
        Map<String, String> attrs;
        synchronized (users) {
            if (!"UNCONFIRMED".equals(u.status)) {
                throw CognitoException.notAuthorized("User cannot be confirmed. Current status is " + u.status);
            }
            if (u.confirmationCode == null || u.confirmationTries >= MAX_CODE_TRIES) {
                throw new CognitoException("ExpiredCodeException", "Invalid code provided, please request a code again.");
            }
            if (u.confirmationCodeExpiresMillis < System.currentTimeMillis()) {
                throw new CognitoException("ExpiredCodeException", "Invalid code provided, please request a code again.");
            }
            if (!java.security.MessageDigest.isEqual(u.confirmationCode.getBytes(), code.getBytes())) {
                u.confirmationTries++;
                users.save();
                throw new CognitoException("CodeMismatchException", "Invalid verification code provided, please try again.");
            }
            u.status = "CONFIRMED";
            u.confirmationCode = null;
            u.confirmationTries = 0;
            if (u.attributes.containsKey("phone_number") && pool.signUp().autoVerifiedAttributes().contains("phone_number")) {
                u.attributes.put("phone_number_verified", "true");
            }
            if (u.attributes.containsKey("email") && pool.signUp().autoVerifiedAttributes().contains("email")) {
                u.attributes.put("email_verified", "true");
            }
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
            attrs = new LinkedHashMap<>(u.attributes);
        }
        SignUpTriggers t = triggers;
        // Cognito confirms first and then runs PostConfirmation; a failing trigger fails the call, the user stays confirmed
        if (t != null) refusing("PostConfirmation", () -> {
            t.postConfirmation(u.username, attrs, Requests.stringMap(req.get("ClientMetadata")));
            return null;
        });
        ObjectNode out = Json.object();
        String sent = Requests.text(req, "Session");
        Session s = sent == null ? null : sessions.remove(sent);
        if (s != null && s.username().equals(u.username) && s.expiresAtMillis() >= System.currentTimeMillis()) {
            out.put("Session", newSession(new Session(u.username, true, 0)));
        }
        return out;
    }

    JsonNode resendConfirmationCode(JsonNode req) {
        Requests.checkClient(pool, req);
        User u = Requests.requireUser(users, pool, req);
        String verified;
        synchronized (users) {
            if (!"UNCONFIRMED".equals(u.status)) throw CognitoException.invalidParameter("User is already confirmed.");
            verified = verifiedAttribute(u.attributes);
        }
        if (verified == null) throw CognitoException.invalidParameter("No verifiable attribute on the user.");
        return Json.object().set("CodeDeliveryDetails",
                sendCode(u, verified, "CustomMessage_ResendCode", Requests.stringMap(req.get("ClientMetadata"))));
    }

    /**
     * InitiateAuth USER_AUTH with the Session of a ConfirmSignUp: the user proved the code there, so tokens follow
     * without a second one. Valid once, for the user it was given to, within the session's 3 minutes.
     */
    boolean consumeSignInSession(String sessionId, String username) {
        Session s = sessionId == null ? null : sessions.remove(sessionId);
        return s != null && s.confirmed() && s.expiresAtMillis() >= System.currentTimeMillis()
                && users.find(username, pool.signInAttributes()).map(u -> u.username.equals(s.username())).orElse(false);
    }

    /** A trigger that throws fails the call as Cognito fails it: UserLambdaValidationException, "X failed with error ...". */
    private static <T> T refusing(String trigger, Supplier<T> call) {
        try {
            return call.get();
        } catch (CognitoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CognitoException("UserLambdaValidationException", trigger + " failed with error " + e.getMessage() + ".");
        }
    }

    private String verifiedAttribute(Map<String, String> attrs) {
        for (String a : pool.signUp().autoVerifiedAttributes()) if (attrs.get(a) != null) return a;
        return null;
    }

    private ObjectNode sendCode(User u, String attribute, String triggerSource, Map<String, String> clientMetadata) {
        SignUpTriggers t = triggers;
        String text = null;
        if (t != null) {
            Map<String, String> attrs;
            synchronized (users) { attrs = new LinkedHashMap<>(u.attributes); }
            text = refusing("CustomMessage", () -> t.customMessage(triggerSource, u.username, attrs, clientMetadata));
            if (text != null && !text.contains(SignUpTriggers.CODE_PARAMETER)) {
                throw new CognitoException("InvalidLambdaResponseException", "CustomMessage: the message has no code parameter.");
            }
        }
        String code = codes.get();
        String destination;
        synchronized (users) {
            u.confirmationCode = code;
            u.confirmationCodeExpiresMillis = System.currentTimeMillis() + CODE_VALIDITY.toMillis();
            u.confirmationTries = 0;
            users.save();
            destination = u.attributes.get(attribute);
        }
        outbox.put(destination, code);
        messages.put(destination, (text == null ? "Your verification code is " + SignUpTriggers.CODE_PARAMETER : text)
                .replace(SignUpTriggers.CODE_PARAMETER, code));
        ObjectNode d = Json.object();
        d.put("Destination", masked(destination));
        d.put("DeliveryMedium", attribute.equals("phone_number") ? "SMS" : "EMAIL");
        d.put("AttributeName", attribute);
        return d;
    }

    /** As Cognito shows a destination: {@code +*******4455}, {@code a***@e***}. */
    static String masked(String d) {
        if (d.contains("@")) {
            int at = d.indexOf('@');
            return d.charAt(0) + "***@" + d.charAt(at + 1) + "***";
        }
        return "+" + "*".repeat(Math.max(0, d.length() - 5)) + d.substring(d.length() - 4);
    }

    private String newSession(Session s) {
        long now = System.currentTimeMillis();
        sessions.values().removeIf(x -> x.expiresAtMillis() < now);
        String id = TokenIssuer.randomToken(48);
        sessions.put(id, new Session(s.username(), s.confirmed(), now + SESSION_VALIDITY.toMillis()));
        return id;
    }
}
