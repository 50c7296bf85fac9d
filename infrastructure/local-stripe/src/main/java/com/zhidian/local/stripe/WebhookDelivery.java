package com.zhidian.local.stripe;

/**
 * One attempt to deliver an event: the event's id and type, the attempt's number (1 = first), and the endpoint's HTTP
 * status ({@code 0}: no answer; {@code -1}: dropped because too many deliveries were waiting).
 */
public record WebhookDelivery(String eventId, String type, int attempt, int status) {}
