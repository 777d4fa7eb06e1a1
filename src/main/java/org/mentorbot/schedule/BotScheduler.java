package org.mentorbot.schedule;

import java.util.Map;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * One Quartz scheduler for the daemon: a cron-triggered {@link PollJob} per mailbox and the daily
 * {@link DigestJob}. After downtime a missed poll is not replayed once per missed slot: the trigger simply
 * waits for its next time (and the poll then reads everything that arrived meanwhile, in one go). A
 * missed digest is sent once on start-up; {@link Digests} never sends two the same day.
 */
public final class BotScheduler implements AutoCloseable {

    private final Scheduler scheduler;

    public BotScheduler(Map<String, MailboxPoller> pollers, Map<String, String> schedules, Digests digests,
                        String digestSchedule) throws SchedulerException {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "mentorbot");
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", Integer.toString(pollers.size() + 1));
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        scheduler = new StdSchedulerFactory(props).getScheduler();
        JobFactory factory = (bundle, s) -> bundle.getJobDetail().getKey().getGroup().equals("digest")
                ? new DigestJob(digests)
                : new PollJob(pollers.get(bundle.getJobDetail().getKey().getName()));
        scheduler.setJobFactory(factory);
        for (Map.Entry<String, MailboxPoller> entry : pollers.entrySet()) {
            JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(entry.getKey(), "poll").build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(entry.getKey(), "poll")
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedules.get(entry.getKey()))
                            .withMisfireHandlingInstructionDoNothing())
                    .startNow()
                    .build();
            scheduler.scheduleJob(job, trigger);
        }
        scheduler.scheduleJob(JobBuilder.newJob(DigestJob.class).withIdentity("digest", "digest").build(),
                TriggerBuilder.newTrigger().withIdentity("digest", "digest")
                        .withSchedule(CronScheduleBuilder.cronSchedule(digestSchedule).withMisfireHandlingInstructionFireAndProceed())
                        .build());
    }

    /** Starts the schedules, and polls every mailbox once right away rather than at its first cron time. */
    public void start() throws SchedulerException {
        scheduler.start();
        for (JobKey job : scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("poll"))) {
            scheduler.triggerJob(job);
        }
    }

    /** Runs a mailbox's poll now (e.g. when IMAP IDLE reports new mail), unless one is already running. */
    public void pollNow(String mailbox) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(mailbox, "poll"));
    }

    /** Waits for running polls to finish: a poll stopped half-way would only be redone, but why waste it. */
    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
