package com.fniexchange.export.delivery;

public enum Channel { SFTP, BLOB }
