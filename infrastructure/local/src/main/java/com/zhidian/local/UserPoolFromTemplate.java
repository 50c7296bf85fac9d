package com.zhidian.local;

import com.zhidian.local.cognito.CognitoLocal;
import com.zhidian.local.cognito.PasswordPolicy;
import com.zhidian.local.cognito.PoolSettings;
import com.zhidian.local.cognito.SignUpPolicy;
import com.zhidian.local.gateway.LambdaFunction;
import com.zhidian.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Cognito stand-in as the template's user pool declares it: sign-in attributes, password policy, CUSTOM_AUTH. */
final class UserPoolFromTemplate {
    private UserPoolFromTemplate() {}

    static PoolSettings settings(SamTemplate template, LocalConfig config) {
        PoolSettings d = PoolSettings.defaults();
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        List<String> usernameAttrs = d.usernameAttributes();
        List<String> aliases = d.aliasAttributes();
        boolean caseSensitive = d.caseSensitive();
        PasswordPolicy policy = d.passwordPolicy();
        List<String> custom = new ArrayList<>();
        SignUpPolicy signUp = SignUpPolicy.DEFAULT;
        if (!pools.isEmpty()) {
            Map<String, Object> p = template.properties(pools.get(0));
            signUp = signUpPolicy(template, pools.get(0), p);
            if (p.get("UsernameAttributes") instanceof List<?> l) usernameAttrs = l.stream().map(String::valueOf).toList();
            // as Cognito: no AliasAttributes, no sign-in by email; no UsernameConfiguration, case-sensitive usernames
            aliases = p.get("AliasAttributes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            Object cs = SamTemplate.map(p.get("UsernameConfiguration")).get("CaseSensitive");
            caseSensitive = cs == null || Boolean.parseBoolean(String.valueOf(cs));
            policy = PasswordPolicy.from(SamTemplate.map(SamTemplate.map(p.get("Policies")).get("PasswordPolicy")));
            if (p.get("Schema") instanceof List<?> schema) {
                for (Object a : schema) {
                    Map<String, Object> am = SamTemplate.map(a);
                    Object name = am.get("Name");
                    if (name == null) continue;
                    // custom attributes: declared without prefix in CloudFormation, used as custom:<name>
                    String n = name.toString();
                    if (!STANDARD_ATTRIBUTES.contains(n)) custom.add(n.startsWith("custom:") ? n : "custom:" + n);
                }
            }
        }
        return new PoolSettings(config.poolId(), config.clientId(), usernameAttrs, aliases, caseSensitive, policy,
                config.tokenValidity(), List.copyOf(custom), signUp);
    }

    /** AllowAdminCreateUserOnly, AutoVerifiedAttributes, and the WriteAttributes of the pool's (first) app client. */
    private static SignUpPolicy signUpPolicy(SamTemplate template, String poolId, Map<String, Object> p) {
        Object only = SamTemplate.map(p.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly");
        List<String> verified = p.get("AutoVerifiedAttributes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        List<String> write = null;
        for (String client : template.resourcesOfType("AWS::Cognito::UserPoolClient")) {
            Map<String, Object> cp = template.properties(client);
            if (!poolId.equals(SamTemplate.refName(cp.get("UserPoolId")))) continue;
            if (cp.get("WriteAttributes") instanceof List<?> w) write = w.stream().map(String::valueOf).toList();
            break;
        }
        return new SignUpPolicy(only != null && Boolean.parseBoolean(String.valueOf(only)), verified, write);
    }

    /**
     * The app client's ExplicitAuthFlows and PreventUserExistenceErrors (the template's first UserPoolClient of the
     * pool), so that the stand-in refuses the flows and answers the unknown users as that client would in AWS.
     */
    static void wireAppClient(SamTemplate template, CognitoLocal cognito) {
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        if (pools.isEmpty()) return;
        for (String client : template.resourcesOfType("AWS::Cognito::UserPoolClient")) {
            Map<String, Object> cp = template.properties(client);
            if (!pools.get(0).equals(SamTemplate.refName(cp.get("UserPoolId")))) continue;
            List<String> flows = cp.get("ExplicitAuthFlows") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
            Object prevent = cp.get("PreventUserExistenceErrors");
            cognito.setAppClient(com.zhidian.local.cognito.AppClient.of(flows, prevent == null ? null : prevent.toString()));
            return;
        }
    }

    /** Self sign-up through the PreSignUp / PostConfirmation / CustomMessage functions of the user pool's LambdaConfig, when it names either. */
    static void wireSignUp(SamTemplate template, CognitoLocal cognito, Map<String, LambdaFunction> functions, String region) {
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        if (pools.isEmpty()) return;
        Map<String, Object> lc = SamTemplate.map(template.properties(pools.get(0)).get("LambdaConfig"));
        LambdaFunction pre = lc.get("PreSignUp") == null ? null : functions.get(SamTemplate.refName(lc.get("PreSignUp")));
        LambdaFunction post = lc.get("PostConfirmation") == null ? null : functions.get(SamTemplate.refName(lc.get("PostConfirmation")));
        LambdaFunction message = lc.get("CustomMessage") == null ? null : functions.get(SamTemplate.refName(lc.get("CustomMessage")));
        if (pre == null && post == null && message == null) return;
        cognito.setSignUpTriggers(new LambdaSignUpTriggers(pre, post, message, region, cognito.poolId(), cognito.clientId()));
    }

    /** CUSTOM_AUTH through the trigger functions of the user pool's LambdaConfig, when the template names all three. */
    static void wireCustomAuth(SamTemplate template, CognitoLocal cognito, Map<String, LambdaFunction> functions, String region) {
        List<String> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        if (pools.isEmpty()) return;
        Map<String, Object> lc = SamTemplate.map(template.properties(pools.get(0)).get("LambdaConfig"));
        LambdaFunction define = functions.get(SamTemplate.refName(lc.get("DefineAuthChallenge")));
        LambdaFunction create = functions.get(SamTemplate.refName(lc.get("CreateAuthChallenge")));
        LambdaFunction verify = functions.get(SamTemplate.refName(lc.get("VerifyAuthChallengeResponse")));
        if (define == null || create == null || verify == null) {
            if (!lc.isEmpty() && (define != null || create != null || verify != null)) {
                System.err.println("[zhidian-local] the user pool's LambdaConfig does not name all three CUSTOM_AUTH triggers; "
                        + "CUSTOM_AUTH is off");
            }
            return;
        }
        cognito.setCustomAuthTriggers(new LambdaCustomAuthTriggers(define, create, verify, region,
                cognito.poolId(), cognito.clientId()));
    }


    private static final Set<String> STANDARD_ATTRIBUTES = Set.of("address", "birthdate", "email", "email_verified",
            "family_name", "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number",
            "phone_number_verified", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo", "sub");
}
