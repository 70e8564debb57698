/**
 * Every property test is bounded: a failing property shrinks synchronously, which a test timeout
 * cannot stop, so after 20 s fast-check stops (shrinking included) and reports a failure by name.
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true });
