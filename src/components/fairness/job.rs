//! A lab job in a worker of its own, as a hook: start it, stop it, and render its latest report
//! with the context it was started with (the names and colours of its stakers, say).

use crate::edge::worker::JobWorker;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A job's state.
#[derive(PartialEq)]
pub struct Job<R, C> {
    /// Its latest report.
    pub report: Option<Rc<R>>,
    /// What it was started with.
    pub context: Rc<C>,
    /// Whether it runs.
    pub running: bool,
    /// Whether it was stopped before it was done.
    pub stopped: bool,
    /// Time from its start to its latest report, in ms.
    pub ms: f64,
    /// Why it could not start or failed.
    pub error: Option<String>,
}

impl<R, C> Clone for Job<R, C> {
    fn clone(&self) -> Self {
        Job {
            report: self.report.clone(),
            context: self.context.clone(),
            running: self.running,
            stopped: self.stopped,
            ms: self.ms,
            error: self.error.clone(),
        }
    }
}

impl<R, C: Default> Default for Job<R, C> {
    fn default() -> Self {
        Job {
            report: None,
            context: Rc::default(),
            running: false,
            stopped: false,
            ms: 0.0,
            error: None,
        }
    }
}

/// Picks a job's report out of a reply: `(report, ms, done)`.
pub type Extract<R> = fn(WorkerReply) -> Option<(R, f64, bool)>;

/// A component's job: its state and the worker running it.
pub struct JobHandle<R, C> {
    state: UseStateHandle<Job<R, C>>,
    worker: Rc<RefCell<Option<JobWorker>>>,
    extract: Extract<R>,
}

impl<R, C> Clone for JobHandle<R, C> {
    fn clone(&self) -> Self {
        JobHandle {
            state: self.state.clone(),
            worker: self.worker.clone(),
            extract: self.extract,
        }
    }
}

impl<R: 'static, C: Default + 'static> JobHandle<R, C> {
    /// The job's state.
    pub fn get(&self) -> &Job<R, C> {
        &self.state
    }

    /// Starts `request` in a fresh worker (ending the job before), remembering `context`.
    pub fn start(&self, request: &WorkerRequest, context: C) {
        let context = Rc::new(context);
        let (state, ctx, extract) = (self.state.clone(), context.clone(), self.extract);
        let started = JobWorker::start(request, move |reply| match reply {
            Ok(WorkerReply::Error { error }) | Err(error) => {
                state.set(Job {
                    error: Some(error),
                    ..Job::default()
                });
                true
            }
            Ok(reply) => match extract(reply) {
                Some((report, ms, done)) => {
                    state.set(Job {
                        report: Some(Rc::new(report)),
                        context: ctx.clone(),
                        running: !done,
                        stopped: false,
                        ms,
                        error: None,
                    });
                    done
                }
                None => false,
            },
        });
        match started {
            Ok(w) => {
                if let Some(old) = self.worker.borrow_mut().replace(w) {
                    old.stop();
                }
                self.state.set(Job {
                    context,
                    running: true,
                    ..Job::default()
                });
            }
            Err(e) => self.fail(e),
        }
    }

    /// Stops the job, keeping its latest report.
    pub fn stop(&self) {
        if let Some(w) = self.worker.borrow().as_ref() {
            w.stop();
        }
        self.state.set(Job {
            running: false,
            stopped: true,
            ..(*self.state).clone()
        });
    }

    /// Shows why a job could not start.
    pub fn fail(&self, why: String) {
        self.state.set(Job {
            error: Some(why),
            ..Job::default()
        });
    }
}

/// A job for this component; `extract` picks its reports out of the worker's replies.
#[hook]
pub fn use_job<R: 'static, C: Default + 'static>(extract: Extract<R>) -> JobHandle<R, C> {
    let state = use_state(Job::default);
    let worker = use_mut_ref(|| None::<JobWorker>);
    JobHandle {
        state,
        worker,
        extract,
    }
}
