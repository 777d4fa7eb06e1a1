package org.mentorbot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that polls one mailbox. Quartz never runs two instances of it for the same job key at
 * once, so a slow poll delays the next one instead of overlapping it.
 */
@DisallowConcurrentExecution
final class PollJob implements Job {

    private final MailboxPoller poller;

    PollJob(MailboxPoller poller) {
        this.poller = poller;
    }

    @Override
    public void execute(JobExecutionContext context) {
        poller.pollWithBackoff();
    }
}
