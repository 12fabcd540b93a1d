package io.chipwatch.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses; tests swap in a fixed table so no real DNS is consulted. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
