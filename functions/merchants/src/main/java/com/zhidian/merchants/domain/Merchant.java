package com.zhidian.merchants.domain;

/**
 * A merchant running counters (联营专柜) in the tenant's department stores: its name, its unified social credit code
 * (统一社会信用代码, the licence number shown on the credit page), its category and who to contact.
 */
public record Merchant(String merchantId, String name, String licenceNo, String category, String contactName,
                       String contactPhone, String createdAt) {}
