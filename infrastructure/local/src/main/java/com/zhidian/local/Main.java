package com.zhidian.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Zhidian Local until Ctrl-C.
 * <pre>
 * java com.zhidian.local.Main [--port 3000] [--dynamo-port 8000] [--cognito-port 9229] [--mqtt-port 1883] [--no-iot]
 *                            [--data DIR | --in-memory] [--template PATH] [--portal DIR] [--host ADDR] [--log]
 *                            [--eager] [--max-concurrent N]
 * </pre>
 * Data is kept under {@code .zhidian/} beside {@code template.yaml} unless {@code --in-memory}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        LocalConfig config = LocalConfig.defaults();
        boolean inMemory = false;
        Path data = null;
        Path template = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> config = config.gatewayPort(Integer.parseInt(args[++i]));
                case "--dynamo-port" -> config = config.dynamoPort(Integer.parseInt(args[++i]));
                case "--cognito-port" -> config = config.cognitoPort(Integer.parseInt(args[++i]));
                case "--mqtt-port" -> config = config.iotPorts(Integer.parseInt(args[++i]), config.iotDataPlanePort(), config.iotControlPlanePort());
                case "--no-iot" -> config = config.withoutIot();
                case "--data" -> data = Path.of(args[++i]);
                case "--in-memory" -> inMemory = true;
                case "--template" -> template = Path.of(args[++i]);
                case "--portal" -> config = config.portalDirectory(Path.of(args[++i]));
                case "--host" -> config = config.host(args[++i]);
                case "--log" -> config = config.logRequests(true);
                case "--eager" -> config = config.eagerInit(true);
                case "--max-concurrent" -> config = config.maxConcurrent(Integer.parseInt(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("usage: zhidian-local [--port N] [--dynamo-port N] [--cognito-port N] [--mqtt-port N] [--no-iot] "
                            + "[--data DIR | --in-memory] [--template PATH] [--portal DIR] [--host ADDR] [--log] [--eager] [--max-concurrent N]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (template == null) {
            template = com.zhidian.local.template.SamTemplate.find(Path.of("")).orElse(null);
        }
        if (template != null) config = config.template(template);
        if (!inMemory) {
            if (data == null) data = (template != null ? template.toAbsolutePath().getParent() : Path.of("")).resolve(".zhidian");
            config = config.dataDir(data);
        }

        ZhidianLocal local = ZhidianLocal.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Zhidian Local...");
            local.close();
            stopped.countDown();
        }, "zhidian-local-shutdown"));
        System.out.println(banner(local, config));
        stopped.await();
    }

    static String banner(ZhidianLocal local, LocalConfig config) {
        return """
                Zhidian Local is ready in %d ms
                  API + portal   %s
                  DynamoDB       %s  (table %s)
                  Cognito        %s  (pool %s, client %s)
                  IoT (MQTT)     %s  (shadows %s, things %s)
                  data           %s
                  health         %s/local/health
                Ctrl-C to stop.""".formatted(local.startMillis(), local.gatewayUrl(), local.dynamoEndpoint(),
                local.tableName(), local.cognitoEndpoint(), local.userPoolId(), local.clientId(),
                local.iot() == null ? "off" : local.iot().endpoints().mqttUri(),
                local.iot() == null ? "-" : local.iot().endpoints().dataPlane(),
                local.iot() == null ? "-" : local.iot().endpoints().controlPlane(),
                config.dataDir() == null ? "in memory" : config.dataDir().toAbsolutePath(), local.gatewayUrl());
    }
}
