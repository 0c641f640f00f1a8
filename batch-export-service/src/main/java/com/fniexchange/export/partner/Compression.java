package com.fniexchange.export.partner;

public enum Compression { GZIP, NONE }
