package com.fniexchange.export.ops;

import com.fniexchange.export.job.ExportJobKey;
import com.fniexchange.export.job.PartnerExportJob;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.partner.PartnerRepository;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, restarts and repairs partner exports. One job instance per (register, partner,
 * business date): running one that exists is refused (a completed one is done, a failed one
 * is restarted, which resumes where it stopped).
 */
@Service
public class ExportLauncher {

    private static final Logger log = LoggerFactory.getLogger(ExportLauncher.class);
    private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    private final JobLauncher launcher;
    private final TaskExecutorJobLauncher background;
    private final Job job;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final PartnerRepository partners;
    private final RegisterCatalog catalog;
    private final BusinessCalendar calendar;
    private final Clock clock;

    ExportLauncher(JobLauncher launcher, Job partnerExport, JobExplorer explorer, JobRepository repository, PartnerRepository partners,
               RegisterCatalog catalog, BusinessCalendar calendar, Clock clock) throws Exception {
        this.launcher = launcher;
        this.job = partnerExport;
        this.explorer = explorer;
        this.repository = repository;
        this.partners = partners;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setThreadNamePrefix("export-");
        executor.initialize();
        this.background = new TaskExecutorJobLauncher();
        this.background.setJobRepository(repository);
        this.background.setTaskExecutor(executor);
        this.background.afterPropertiesSet();
    }

    /** Runs the export to its end in this thread (schedules, tests). */
    public JobExecution run(Register register, String partnerId, LocalDate businessDate) throws Exception {
        return launchOnce(launcher, register, partnerId, businessDate);
    }

    /**
     * The schedule's run: starts the export, restarts it if its last execution failed, skips it
     * (null) when it completed or is running.
     */
    public JobExecution runOrRestart(Register register, String partnerId, LocalDate businessDate) throws Exception {
        ExportJobKey key = ExportJobKey.launch(register, partnerId, businessDate, calendar.zone(), clock.instant());
        JobInstance instance = explorer.getJobInstance(PartnerExportJob.NAME, key.toParameters());
        JobExecution last = instance == null ? null : explorer.getLastJobExecution(instance);
        if (last == null) {
            return run(register, partnerId, businessDate);
        }
        if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED) {
            return restart(last.getId());
        }
        return null;
    }

    /**
     * Starts the export in the background and returns its execution (ops API). Outside the
     * caller's transaction: the job repository refuses to create an execution inside one (an
     * {@code Idempotency-Key} request runs in one), and the background thread must see the
     * execution committed before it runs. A retry of a request whose answer was lost after the
     * launch committed is answered 409 {@code export-exists}, naming the execution.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public JobExecution start(Register register, String partnerId, LocalDate businessDate) throws Exception {
        return launchOnce(background, register, partnerId, businessDate);
    }

    /**
     * Launches the export unless it exists. Two requests for the same export at the same moment
     * both pass the check; the job repository lets one through (its unique instance key, its
     * running-execution check), and the other is answered as a request that came second (409 naming the execution), not with a 500.
     */
    private JobExecution launchOnce(JobLauncher with, Register register, String partnerId, LocalDate businessDate)
            throws Exception {
        ExportJobKey key = checkedKey(register, partnerId, businessDate);
        try {
            return with.run(job, key.toParameters());
        } catch (DuplicateKeyException | ConcurrencyFailureException | JobExecutionAlreadyRunningException
                 | JobInstanceAlreadyCompleteException | IllegalStateException raced) {
            // IllegalStateException: the repository's "JobInstance must not already exist", when the
            // other request's instance committed between our check and its own
            checkedKey(register, partnerId, businessDate);
            throw raced;
        }
    }

    /** Restarts a failed or stopped execution, to its end in this thread. */
    public JobExecution restart(long executionId) throws Exception {
        return launcher.run(job, restartable(executionId));
    }

    /** Restarts in the background (ops API), outside the caller's transaction like {@link #start}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public JobExecution restartInBackground(long executionId) throws Exception {
        return background.run(job, restartable(executionId));
    }

    /**
     * Marks an execution that a killed process left STARTED as FAILED (it and its running
     * steps), so it can be restarted. Only for executions no process runs any more.
     */
    JobExecution markFailed(long executionId, String actor) {
        JobExecution execution = explorer.getJobExecution(executionId);
        if (execution == null) {
            throw new ProblemException.NotFound("execution", Long.toString(executionId));
        }
        if (!RUNNING.contains(execution.getStatus())) {
            throw new ProblemException.InvalidStateTransition("execution", Long.toString(executionId),
                    execution.getStatus().name(), "mark failed");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (StepExecution step : execution.getStepExecutions()) {
            if (RUNNING.contains(step.getStatus())) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(new ExitStatus("FAILED", "marked failed by " + actor));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(new ExitStatus("FAILED", "marked failed by " + actor + ": no process runs it any more"));
        execution.setEndTime(now);
        repository.update(execution);
        log.warn("execution {} marked FAILED by {}", executionId, actor);
        return execution;
    }

    private JobParameters restartable(long executionId) {
        JobExecution execution = explorer.getJobExecution(executionId);
        if (execution == null || !PartnerExportJob.NAME.equals(execution.getJobInstance().getJobName())) {
            throw new ProblemException.NotFound("execution", Long.toString(executionId));
        }
        JobExecution last = explorer.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            throw new ProblemException.Conflict("export-superseded", "Not the latest execution",
                    "execution " + executionId + " was already restarted; the latest is " + last.getId(),
                    Map.of("latestExecutionId", last.getId()));
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new ProblemException.InvalidStateTransition("execution", Long.toString(executionId),
                    execution.getStatus().name(), "restart");
        }
        return execution.getJobParameters();
    }

    private ExportJobKey checkedKey(Register register, String partnerId, LocalDate businessDate) {
        if (businessDate.isAfter(calendar.today())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("businessDate",
                    "must not be after today (" + calendar.today() + " in " + calendar.zone() + ")")));
        }
        Partner partner = partners.find(partnerId).orElseThrow(() -> new ProblemException.NotFound("partner", partnerId));
        if (!catalog.available(register)) {
            throw new ProblemException.BusinessRuleViolation("register-unavailable",
                    register + " is not available yet: its service publishes no reporting view");
        }
        if (!partner.active()) {
            throw new ProblemException.BusinessRuleViolation("partner-inactive", "partner " + partnerId + " is not active");
        }
        if (!partner.receives(register)) {
            throw new ProblemException.BusinessRuleViolation("register-not-received",
                    "partner " + partnerId + " does not receive " + register);
        }
        ExportJobKey key = ExportJobKey.launch(register, partnerId, businessDate, calendar.zone(), clock.instant());
        JobInstance instance = explorer.getJobInstance(PartnerExportJob.NAME, key.toParameters());
        if (instance != null) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last != null) {
                String detail = switch (last.getStatus()) {
                    case COMPLETED -> "already exported (execution " + last.getId() + ")";
                    case STARTING, STARTED, STOPPING -> "running now (execution " + last.getId() + ")";
                    default -> "execution " + last.getId() + " ended " + last.getStatus()
                            + "; restart it: POST /api/v1/exports/executions/" + last.getId() + "/restart";
                };
                throw new ProblemException(HttpStatus.CONFLICT, "export-exists", "Export exists",
                        register + " for " + partnerId + " on " + businessDate + " is " + detail,
                        Map.of("executionId", last.getId(), "executionStatus", last.getStatus().name()));
            }
        }
        return key;
    }
}
