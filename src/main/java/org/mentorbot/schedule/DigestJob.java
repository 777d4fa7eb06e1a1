package org.mentorbot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job that sends the daily digests. */
@DisallowConcurrentExecution
final class DigestJob implements Job {

    private final Digests digests;

    DigestJob(Digests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.send();
    }
}
