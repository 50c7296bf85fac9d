package com.zhidian.samplestore.year;

public enum StoreKind { CONVENIENCE, SUPERMARKET }
