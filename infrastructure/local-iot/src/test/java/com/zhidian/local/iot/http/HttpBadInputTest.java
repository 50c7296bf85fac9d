package com.zhidian.local.iot.http;

import com.zhidian.local.iot.IotLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on both HTTP APIs is an AWS error with its type, never a 500; and the SDK endpoint properties work. */
class HttpBadInputTest {
    static IotLocal iot;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
    }

    @AfterAll
    static void stop() {
        iot.close();
    }

    static HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertTrue(response.body().contains("\"message\""), response.body());
    }

    @Test
    void dataPlane() throws Exception {
        URI d = iot.endpoints().dataPlane();
        assertError(send(d, "GET", "/nothing/here", null), 404, "ResourceNotFoundException");
        assertError(send(d, "POST", "/things/bad%20name/shadow?name=esl", "{\"state\":{}}"), 400, "InvalidRequestException");
        assertError(send(d, "POST", "/things/t/shadow?name=" + "n".repeat(65), "{\"state\":{}}"), 400, "InvalidRequestException");
        assertError(send(d, "PUT", "/things/t/shadow?name=esl", "{}"), 405, "MethodNotAllowedException");
        assertError(send(d, "POST", "/things/t/shadow?name=esl", "\"state\""), 400, "InvalidRequestException");
        assertError(send(d, "POST", "/things/t/shadow?name=esl", "{\"state\":{},\"clientToken\":\"" + "x".repeat(65) + "\"}"),
                400, "InvalidRequestException");
        assertError(send(d, "GET", "/api/things/shadow/ListNamedShadowsForThing/t?pageSize=abc", null), 400,
                "InvalidRequestException");
        assertError(send(d, "POST", "/topics/a%2F%2B", "x"), 400, "InvalidRequestException");
        assertError(send(d, "DELETE", "/things/t/shadow?name=never", null), 404, "ResourceNotFoundException");
        // data-plane API reference, MethodNotAllowedException (405): a known URI with another verb
        assertError(send(d, "POST", "/api/things/shadow/ListNamedShadowsForThing/t", "{}"), 405, "MethodNotAllowedException");
        assertError(send(d, "GET", "/topics/a", null), 405, "MethodNotAllowedException");
    }

    @Test
    void controlPlane() throws Exception {
        URI c = iot.endpoints().controlPlane();
        assertError(send(c, "GET", "/jobs", null), 404, "ResourceNotFoundException");
        assertError(send(c, "POST", "/things/t1", "{not json"), 400, "InvalidRequestException");
        assertError(send(c, "POST", "/things/bad%20name", "{}"), 400, "InvalidRequestException");
        assertError(send(c, "POST", "/policies/p", "{\"policyDocument\":\"{nope\"}"), 400, "MalformedPolicyException");
        assertError(send(c, "POST", "/thing-groups/g", "{\"parentGroupName\":\"missing\"}"), 404, "ResourceNotFoundException");
        assertEquals(200, send(c, "POST", "/thing-groups/g", "{}").statusCode());
        assertError(send(c, "GET", "/thing-groups/g/things?maxResults=x", null), 400, "InvalidRequestException");
        assertError(send(c, "PUT", "/things/t1/principals", null), 400, "InvalidRequestException");
        assertError(send(c, "PUT", "/target-policies/none", "{\"target\":\"x\"}"), 404, "ResourceNotFoundException");
        assertError(send(c, "GET", "/thing-groups/none", null), 404, "ResourceNotFoundException");
    }

    @Test
    void theSdkFindsTheStandInThroughItsEndpointSystemProperties() {
        System.setProperty("aws.endpointUrlIotDataPlane", iot.endpoints().dataPlane().toString());
        System.setProperty("aws.endpointUrlIot", iot.endpoints().controlPlane().toString());
        try (IotDataPlaneClient data = IotDataPlaneClient.builder().region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l"))).build();
             IotClient control = IotClient.builder().region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l"))).build()) {
            data.updateThingShadow(b -> b.thingName("p").shadowName("esl").payload(SdkBytes.fromUtf8String("{\"state\":{}}")));
            assertEquals(1, data.listNamedShadowsForThing(b -> b.thingName("p")).results().size());
            assertEquals("p", control.createThing(b -> b.thingName("p")).thingName());
        } finally {
            System.clearProperty("aws.endpointUrlIotDataPlane");
            System.clearProperty("aws.endpointUrlIot");
        }
    }
}
