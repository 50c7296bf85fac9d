package com.zhidian.local;

import com.zhidian.local.dynamodb.AccessPolicy;
import com.zhidian.local.sts.StsLocal;
import com.zhidian.local.sts.StsSession;
import com.zhidian.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM in front of the DynamoDB stand-in, for sessions of the template's roles: a request signed with credentials the
 * STS stand-in issued for an {@code AWS::IAM::Role} of the template is allowed only by an Allow statement of that
 * role whose action matches and whose {@code ForAllValues:StringLike} on {@code dynamodb:LeadingKeys} holds for every
 * partition key touched, with {@code ${aws:PrincipalTag/<key>}} taken from the session's tags. Any other credentials
 * (the functions' own, Zhidian Local's) are allowed, as before. Resources are not compared: the template has one table.
 */
final class TenantDataWall implements AccessPolicy {
    private static final String LEADING_KEYS = "dynamodb:LeadingKeys";
    private static final Pattern PRINCIPAL_TAG = Pattern.compile("\\$\\{aws:PrincipalTag/([^}]+)}");

    /** One Allow statement: its actions and, if it has one, its LeadingKeys patterns (null: no key condition). */
    record Statement(List<String> actions, List<String> leadingKeyPatterns) {}

    private final StsLocal sts;
    private final Map<String, List<Statement>> statementsByRoleArn;
    /**
     * What a session may do, worked out once per session and action (a transaction asks once per item, every call
     * signed with the same session): the LeadingKeys patterns of each Allow statement whose actions match, the session's
     * tags put in. Sessions and their tags never change; expiry is still checked on every call.
     */
    private final Map<StsSession, Map<String, List<List<String>>>> grants = new ConcurrentHashMap<>();
    private static final int MAX_SESSIONS = 10_000;
    /** A statement with no key condition: any key. */
    private static final List<String> ANY_KEY = List.of("*");

    TenantDataWall(StsLocal sts, Map<String, List<Statement>> statementsByRoleArn) {
        this.sts = sts;
        this.statementsByRoleArn = Map.copyOf(statementsByRoleArn);
    }

    /** The Allow statements of the template's IAM roles, by role ARN ({@code roleArn}: a role's local ARN by logical id). */
    static TenantDataWall fromTemplate(SamTemplate template, StsLocal sts, Function<String, String> roleArn) {
        Map<String, List<Statement>> byRole = new HashMap<>();
        for (String id : template.resourcesOfType("AWS::IAM::Role")) {
            List<Statement> statements = new ArrayList<>();
            for (Object policy : list(template.properties(id).get("Policies"))) {
                for (Object st : list(SamTemplate.map(SamTemplate.map(policy).get("PolicyDocument")).get("Statement"))) {
                    Map<String, Object> s = SamTemplate.map(st);
                    if (!"Allow".equals(s.get("Effect"))) continue;
                    Object keys = SamTemplate.map(SamTemplate.map(s.get("Condition")).get("ForAllValues:StringLike")).get(LEADING_KEYS);
                    statements.add(new Statement(strings(s.get("Action")), keys == null ? null : strings(keys)));
                }
            }
            byRole.put(roleArn.apply(id), statements);
        }
        return new TenantDataWall(sts, byRole);
    }

    /** The role ARNs whose sessions are checked. */
    java.util.Set<String> roles() { return statementsByRoleArn.keySet(); }

    @Override
    public String refuse(String accessKeyId, String action, String resource, List<String> leadingKeys) {
        StsSession session = sts.session(accessKeyId);
        if (session == null) return null;
        List<Statement> statements = statementsByRoleArn.get(session.roleArn());
        if (statements == null) return null;
        if (session.expiredAt(sts.clock().instant())) return session.assumedRoleArn();
        for (List<String> patterns : grants(session, statements, action)) {
            if (allMatch(patterns, leadingKeys)) return null;
        }
        return session.assumedRoleArn();
    }

    /** For each Allow statement of the session's role whose actions match {@code action}: its resolved key patterns. */
    private List<List<String>> grants(StsSession session, List<Statement> statements, String action) {
        Map<String, List<List<String>>> byAction = grants.get(session);
        if (byAction == null) {
            if (grants.size() >= MAX_SESSIONS) grants.clear();
            byAction = grants.computeIfAbsent(session, x -> new ConcurrentHashMap<>());
        }
        return byAction.computeIfAbsent(action, a -> {
            List<List<String>> out = new ArrayList<>();
            for (Statement s : statements) {
                if (s.actions.stream().anyMatch(p -> like(p, a))) out.add(resolved(s, session));
            }
            return List.copyOf(out);
        });
    }

    /** The statement's LeadingKeys patterns with the session's tags put in; a pattern naming a missing tag is dropped. */
    private static List<String> resolved(Statement s, StsSession session) {
        if (s.leadingKeyPatterns == null) return ANY_KEY;
        List<String> patterns = new ArrayList<>();
        for (String p : s.leadingKeyPatterns) {
            String r = substitute(p, session.tags());
            if (r != null) patterns.add(r);
        }
        return List.copyOf(patterns);
    }

    /** ForAllValues: every key matches one of the patterns; no keys at all (Scan) passes, so Scan must not be granted. */
    private static boolean allMatch(List<String> patterns, List<String> keys) {
        for (String k : keys) {
            boolean one = false;
            for (String p : patterns) {
                if (like(p, k)) {
                    one = true;
                    break;
                }
            }
            if (!one) return false;
        }
        return true;
    }

    /** Policy variables from the session tags; null when a tag is missing (the pattern then matches nothing). */
    static String substitute(String pattern, Map<String, String> tags) {
        Matcher m = PRINCIPAL_TAG.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = tags.get(m.group(1));
            if (v == null) return null;
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** IAM StringLike: {@code *} any run of characters, {@code ?} one character, case-sensitive (no regex: it runs per request). */
    static boolean like(String pattern, String value) {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.length()) {
            char c = p < pattern.length() ? pattern.charAt(p) : 0;
            if (p < pattern.length() && c != '*' && (c == '?' || c == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && c == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;          // let the last * take one more character and try again
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o); }

    private static List<String> strings(Object o) { return list(o).stream().map(String::valueOf).toList(); }
}
