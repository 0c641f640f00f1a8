package com.fniexchange.contract.rating;

/** How a state regulates the retail price of a contract relative to the filed (suggested) price. */
public enum RetailRule {
    /** Florida: retail must equal suggested. */
    RETAIL_EQUALS_SUGGESTED,
    /** New York: retail must not exceed suggested. */
    RETAIL_AT_MOST_SUGGESTED
}
