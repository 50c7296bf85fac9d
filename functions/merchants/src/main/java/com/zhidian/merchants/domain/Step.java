package com.zhidian.merchants.domain;

/**
 * One step of a complaint, kept for good: what happened ({@code received}, {@code answered}, {@code mediating},
 * {@code closed}, {@code deadline_missed}), who did it (a login's name, {@code customer} or {@code system}), when,
 * the words recorded with it, and the outcome when it closed the complaint.
 */
public record Step(String action, String by, String at, String note, String outcome) {}
