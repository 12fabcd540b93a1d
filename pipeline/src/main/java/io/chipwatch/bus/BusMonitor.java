package io.chipwatch.bus;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single lock guarding every topic, log and group of one {@link InMemoryBus}, with the two
 * things its threads wait for. One lock keeps the invariants across topics and groups simple;
 * waiting always goes through {@link Condition#await}, which releases it.
 */
final class BusMonitor {

    final ReentrantLock lock = new ReentrantLock();

    /** Signalled when records are appended, a group rebalances or the bus closes: pollers re-check. */
    final Condition recordsOrMembersChanged = lock.newCondition();

    /** Signalled when commits trim a log or the bus closes: blocked publishers re-check. */
    final Condition roomFreed = lock.newCondition();

    /** Guarded by {@link #lock}. */
    boolean closed;
}
