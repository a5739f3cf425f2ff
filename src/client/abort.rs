//! Cancellation: every wait of a call races the call's abort signal, so an abort ends the call
//! wherever it is (queue, token, request, backoff) instead of when that wait would have ended.

use super::{Client, Runtime, Signal, Transport};
use crate::error::Error;
use futures_util::future::{select, Either};
use std::future::Future;
use std::pin::pin;

impl<T: Transport, R: Runtime> Client<T, R> {
    /// Runs `work` until it ends or `signal` fires, whichever comes first: `Err(Error::Aborted)`
    /// when the signal fired (already, or meanwhile). `work` is dropped then, which cancels it.
    pub(super) async fn abortable<F: Future>(
        &self,
        signal: Option<&Signal>,
        work: F,
    ) -> Result<F::Output, Error> {
        let Some(signal) = signal else {
            return Ok(work.await);
        };
        if self.runtime.is_aborted(signal) {
            return Err(Error::Aborted);
        }
        match select(pin!(work), self.runtime.on_abort(signal)).await {
            Either::Left((output, _)) => Ok(output),
            Either::Right(_) => Err(Error::Aborted),
        }
    }
}
