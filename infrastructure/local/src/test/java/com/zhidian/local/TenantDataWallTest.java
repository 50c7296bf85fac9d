package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.local.sts.StsLocal;
import com.zhidian.local.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The template's role policy applied to sessions of the STS stand-in. */
class TenantDataWallTest {
    private static final String TEMPLATE = """
            Resources:
              TenantDataRole:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: tenant-items
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [dynamodb:GetItem, dynamodb:Query]
                            Resource: '*'
                            Condition:
                              ForAllValues:StringLike:
                                dynamodb:LeadingKeys: ['T#${aws:PrincipalTag/tenant_id}#*']
            """;
    private static final String ROLE = "arn:aws:iam::000000000000:role/TenantDataRole";

    @Test
    void stringLikeAndPolicyVariables() {
        assertTrue(TenantDataWall.like("T#a#*", "T#a#MEMBERS"));
        assertFalse(TenantDataWall.like("T#a#*", "T#ab#MEMBERS"));
        assertFalse(TenantDataWall.like("T#a#*", "PTDUE#3"));
        assertTrue(TenantDataWall.like("dynamodb:*", "dynamodb:Scan"));
        assertTrue(TenantDataWall.like("a?c", "abc"));
        assertFalse(TenantDataWall.like("a.c", "abc"));
        assertEquals("T#tn_a#*", TenantDataWall.substitute("T#${aws:PrincipalTag/tenant_id}#*", Map.of("tenant_id", "tn_a")));
        assertNull(TenantDataWall.substitute("T#${aws:PrincipalTag/tenant_id}#*", Map.of()));
    }

    @Test
    void stringLikeAgreesWithTheRegexReading_forEveryShortPatternAndValue() {
        java.util.List<String> patterns = words("ab*?", 4), values = words("ab", 5);
        for (String p : patterns) {
            StringBuilder regex = new StringBuilder();
            for (char c : p.toCharArray()) regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
            java.util.regex.Pattern reference = java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL);
            for (String v : values) {
                assertEquals(reference.matcher(v).matches(), TenantDataWall.like(p, v), "pattern " + p + ", value " + v);
            }
        }
    }

    /** Every word of up to {@code max} letters of the alphabet, the empty one included. */
    private static java.util.List<String> words(String alphabet, int max) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(""));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).length() == max) continue;
            for (char c : alphabet.toCharArray()) out.add(out.get(i) + c);
        }
        return out;
    }

    @Test
    void checksOnlySessionsOfTheTemplatesRoles() throws Exception {
        try (StsLocal sts = StsLocal.start("127.0.0.1", 0)) {
            TenantDataWall wall = TenantDataWall.fromTemplate(SamTemplate.parse(TEMPLATE), sts,
                    id -> "arn:aws:iam::000000000000:role/" + id);
            String a = assume(sts, ROLE, "tenant_id", "tn_a");
            String principal = "arn:aws:sts::000000000000:assumed-role/TenantDataRole/s1";

            assertNull(wall.refuse(a, "dynamodb:GetItem", "t", List.of("T#tn_a#M#1")));
            assertEquals(principal, wall.refuse(a, "dynamodb:GetItem", "t", List.of("T#tn_b#M#1")));
            assertEquals(principal, wall.refuse(a, "dynamodb:Query", "t", List.of("T#tn_a#X", "T#tn_b#X")));
            assertEquals(principal, wall.refuse(a, "dynamodb:Scan", "t", List.of()), "Scan is not granted");
            assertEquals(principal, wall.refuse(a, "dynamodb:PutItem", "t", List.of("T#tn_a#M#1")), "PutItem is not granted here");

            String untagged = assume(sts, ROLE, "other", "x");
            assertEquals(principal, wall.refuse(untagged, "dynamodb:GetItem", "t", List.of("T#tn_a#M#1")));

            String otherRole = assume(sts, "arn:aws:iam::000000000000:role/Elsewhere", "tenant_id", "tn_a");
            assertNull(wall.refuse(otherRole, "dynamodb:Scan", "t", List.of()), "roles outside the template are not checked");
            assertNull(wall.refuse("local", "dynamodb:Scan", "t", List.of()), "credentials STS did not issue are not checked");

            sts.setClock(Clock.fixed(Instant.now().plusSeconds(7200), ZoneOffset.UTC));
            assertEquals(principal, wall.refuse(a, "dynamodb:GetItem", "t", List.of("T#tn_a#M#1")), "expired");
        }
    }

    /** The grants a wall keeps per session and action answer as a wall that works them out afresh on every call. */
    @Test
    void grantsKeptPerSessionAnswerAsFreshOnes() throws Exception {
        try (StsLocal sts = StsLocal.start("127.0.0.1", 0)) {
            java.util.function.Supplier<TenantDataWall> fresh = () -> TenantDataWall.fromTemplate(SamTemplate.parse(TEMPLATE), sts,
                    id -> "arn:aws:iam::000000000000:role/" + id);
            TenantDataWall kept = fresh.get();
            List<String> sessions = List.of(assume(sts, ROLE, "tenant_id", "tn_a"), assume(sts, ROLE, "tenant_id", "tn_b"),
                    assume(sts, ROLE, "other", "tn_a"));
            List<String> actions = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem");
            List<List<String>> keys = List.of(List.of(), List.of("T#tn_a#M#1"), List.of("T#tn_b#M#1"), List.of("T#tn_a#X", "T#tn_b#X"),
                    List.of("T#tn_a#X", "T#tn_a#Y"), List.of("T#tn_ab#M"), List.of("PTDUE#3"));
            int compared = 0;
            for (int round = 0; round < 2; round++) {  // the second round answers from what the first kept
                for (String session : sessions) {
                    for (String action : actions) {
                        for (List<String> k : keys) {
                            assertEquals(fresh.get().refuse(session, action, "t", k), kept.refuse(session, action, "t", k),
                                    session + " " + action + " " + k);
                            compared++;
                        }
                    }
                }
            }
            assertEquals(2 * 3 * 5 * 7, compared);
            sts.setClock(Clock.fixed(Instant.now().plusSeconds(7200), ZoneOffset.UTC));
            for (String session : sessions.subList(0, 2)) {
                assertEquals("arn:aws:sts::000000000000:assumed-role/TenantDataRole/s1",
                        kept.refuse(session, "dynamodb:GetItem", "t", List.of("T#tn_a#M#1")), "a kept grant never outlives its session");
            }
        }
    }

    private static String assume(StsLocal sts, String role, String tag, String value) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sts.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15&RoleArn=" + role
                        + "&RoleSessionName=s1&Tags.member.1.Key=" + tag + "&Tags.member.1.Value=" + value)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>").matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }
}
