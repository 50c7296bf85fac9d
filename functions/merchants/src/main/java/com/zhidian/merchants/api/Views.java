package com.zhidian.merchants.api;

import com.zhidian.merchants.application.MerchantsService;
import com.zhidian.merchants.domain.Complaint;
import com.zhidian.merchants.domain.Counter;
import com.zhidian.merchants.domain.Merchant;
import com.zhidian.merchants.domain.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the merchants context's answers. */
final class Views {
    private Views() {}

    static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("nextCursor", nextCursor);
        return m;
    }

    static Map<String, Object> merchant(Merchant m, MerchantsService.Record record) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("merchantId", m.merchantId());
        v.put("name", m.name());
        v.put("licenceNo", m.licenceNo());
        v.put("category", m.category());
        v.put("contactName", m.contactName());
        v.put("contactPhone", m.contactPhone());
        v.put("createdAt", m.createdAt());
        v.put("credit", credit(record));
        return v;
    }

    /** The rating and the complaint counts behind it: the same on the portal and on the public page. */
    static Map<String, Object> credit(MerchantsService.Record r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("score", r.rating().score());
        v.put("grade", r.rating().grade());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", r.total());
        c.put("open", r.open());
        c.put("upheld", r.upheld());
        c.put("partly", r.partly());
        c.put("rejected", r.rejected());
        c.put("withdrawn", r.withdrawn());
        c.put("lateAnswers", r.late());
        v.put("complaints", c);
        return v;
    }

    static Map<String, Object> counter(Counter c, String creditToken) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counterId", c.counterId());
        v.put("storeId", c.storeId());
        v.put("merchantId", c.merchantId());
        v.put("floor", c.floor());
        v.put("location", c.location());
        v.put("createdAt", c.createdAt());
        v.put("creditToken", creditToken);
        return v;
    }

    /** The public credit page: the merchant as licensed, where the counter is, its record; no contact, no customer. */
    static Map<String, Object> creditPage(MerchantsService.CreditPage p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counterId", p.counter().counterId());
        v.put("storeName", p.storeName());
        v.put("floor", p.counter().floor());
        v.put("location", p.counter().location());
        v.put("merchantName", p.merchant().name());
        v.put("licenceNo", p.merchant().licenceNo());
        v.put("category", p.merchant().category());
        v.put("credit", credit(p.record()));
        return v;
    }

    /** A complaint as the store's staff see it: everything, with who did each step. */
    static Map<String, Object> complaint(Complaint c, String trackingToken) {
        Map<String, Object> v = common(c);
        v.put("merchantId", c.merchantId());
        v.put("counterId", c.counterId());
        v.put("storeId", c.storeId());
        v.put("phone", c.phone());
        v.put("trackingToken", trackingToken);
        v.put("steps", c.steps().stream().map(s -> step(s, s.by())).toList());
        return v;
    }

    /** The customer's tracking page: what happened and when; staff are named "store", the phone is not shown. */
    static Map<String, Object> tracking(Complaint c, String merchantName) {
        Map<String, Object> v = common(c);
        v.put("merchantName", merchantName);
        List<Object> steps = new ArrayList<>();
        for (Step s : c.steps()) steps.add(step(s, "customer".equals(s.by()) || "system".equals(s.by()) ? s.by() : "store"));
        v.put("steps", steps);
        return v;
    }

    private static Map<String, Object> common(Complaint c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("complaintId", c.complaintId());
        v.put("what", c.what());
        v.put("happenedAt", c.happenedAt());
        v.put("reference", c.reference());
        v.put("status", c.status());
        v.put("outcome", c.outcome());
        v.put("receivedAt", c.receivedAt());
        v.put("answerBy", c.answerBy());
        v.put("answeredAt", c.answeredAt());
        v.put("closedAt", c.closedAt());
        v.put("late", c.late());
        v.put("photo", PhotoInput.facts(c.photo()));
        return v;
    }

    private static Map<String, Object> step(Step s, String by) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("action", s.action());
        v.put("by", by);
        v.put("at", s.at());
        v.put("note", s.note());
        v.put("outcome", s.outcome());
        return v;
    }
}
