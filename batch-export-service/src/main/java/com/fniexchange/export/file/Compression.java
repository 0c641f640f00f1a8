package com.fniexchange.export.file;

public enum Compression { GZIP, NONE }
