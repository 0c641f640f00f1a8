package com.fniexchange.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (ms) used so far by the service process, by PostgreSQL (every server process, plus
 * what its ended backends used: the postmaster's reaped-children time) and by the whole machine
 * (busy time of all cores), read from /proc.
 *
 * <p>{@code java CpuShares} prints "postgres total" for a shell to take differences (the anchor).
 */
record CpuShares(double service, double postgres, double total) {

    private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    public static void main(String[] args) {
        CpuShares now = read(0);
        System.out.printf("%.0f %.0f%n", now.postgres, now.total);
    }

    static CpuShares read(long servicePid) {
        double service = servicePid > 0 ? ticks(Path.of("/proc/" + servicePid + "/stat"), false) : 0;
        double postgres = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        // the postmaster (its command line is the binary, a backend's "postgres: ...")
                        // also counts its reaped children: pgbench's backends end with the run
                        boolean postmaster = !Files.readString(dir.resolve("cmdline")).startsWith("postgres:");
                        postgres += ticks(stat, postmaster);
                    }
                } catch (Exception gone) {
                    // a backend that ended meanwhile
                }
            }
        } catch (Exception e) {
            postgres = 0;
        }
        double total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                if (i != 4 && i != 5) {
                    total += Long.parseLong(cpu[i]);
                }
            }
        } catch (Exception e) {
            total = 0;
        }
        return new CpuShares(service * MS_PER_TICK, postgres * MS_PER_TICK, total * MS_PER_TICK);
    }

    private static double ticks(Path stat, boolean withChildren) {
        try {
            return ticks(Files.readString(stat), withChildren);
        } catch (Exception e) {
            return 0;
        }
    }

    /** utime + stime (fields 14, 15), with cutime + cstime (16, 17); the name in parentheses may hold spaces. */
    private static double ticks(String stat, boolean withChildren) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

    CpuShares minus(CpuShares before) {
        return new CpuShares(service - before.service, postgres - before.postgres, total - before.total);
    }
}
