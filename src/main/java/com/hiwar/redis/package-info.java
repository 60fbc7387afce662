/**
 * What the packages that talk to Redis share: Lua scripts run by their SHA-1, on one server,
 * behind Sentinel or across a Redis Cluster.
 *
 * <p>Owns: no table.
 * <p>May use: nothing else of Hiwar.
 */
package com.hiwar.redis;
