package com.propty.resend.request;

/**
 * The store of accepted resends ({@code store.MongoResendRecords}), keyed by resend id: written once per resend, after
 * its chunks are on the bus; history-service, not this one, answers what a resend did.
 */
public interface ResendRecords {

    void keep(ResendRecord record);
}
