//! The page's reactive core: signals, a memo and effects — the few things the views use of a
//! reactive system, in place of Leptos' `reactive_graph` (whose owners, arenas, locks and
//! async executor cost ≈ 30 KB raw of wasm on a page that needs none of them).
//!
//! - An [`RwSignal`] holds a value; reading it inside an effect (or memo) subscribes that
//!   effect, and setting it queues every subscriber.
//! - [`effect`] runs its closure now, and again — once, however many signals changed — in a
//!   microtask after a change: a batch of `set`s (a link followed, Back) is one run.
//! - A [`Memo`] is computed when read after one of its sources changed, and tells its own
//!   subscribers when a source changes.
//! - [`StoredValue`] is a plain cell, no subscriptions.
//!
//! Everything lives as long as the page: signals, memos and effects are created once, when a
//! page starts (never per edit or per click), so they are leaked rather than owned, which
//! makes every handle `Copy`. Subscriptions only grow (an effect that stops reading a signal
//! still runs when it changes); the views are idempotent patchers, so an extra run changes
//! nothing. Single-threaded, like the page.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Something a signal tells when it changes: an effect (queued to run) or a memo (marked
/// stale, and passing it on).
trait Observer {
    fn notify(&'static self);
}

/// The observers of a signal or memo.
#[derive(Default)]
struct Subscribers(RefCell<Vec<&'static dyn Observer>>);

impl Subscribers {
    /// Subscribes the effect or memo now running, if any.
    fn track(&self) {
        if let Some(current) = CURRENT.with(Cell::get) {
            let mut subs = self.0.borrow_mut();
            if !subs.iter().any(|s| std::ptr::addr_eq(*s, current)) {
                subs.push(current);
            }
        }
    }
    fn notify(&self) {
        // A copy: an observer notified may subscribe to this again.
        let subs = self.0.borrow().clone();
        for s in subs {
            s.notify();
        }
    }
}

thread_local! {
    /// The effect or memo whose closure is running (what a read subscribes).
    static CURRENT: Cell<Option<&'static dyn Observer>> = const { Cell::new(None) };
    /// Effects to run in the next flush, in the order they were queued.
    static QUEUE: RefCell<VecDeque<&'static EffectNode>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a flush is scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with `observer` as the one a read subscribes.
fn observing<T>(observer: Option<&'static dyn Observer>, f: impl FnOnce() -> T) -> T {
    let outer = CURRENT.with(|c| c.replace(observer));
    let out = f();
    CURRENT.with(|c| c.set(outer));
    out
}

/// Runs `f` without subscribing the running effect to what it reads.
pub fn untrack<T>(f: impl FnOnce() -> T) -> T {
    observing(None, f)
}

/// A value the views read and the reader's actions write.
pub struct RwSignal<T: 'static> {
    node: &'static SignalNode<T>,
}

struct SignalNode<T> {
    value: RefCell<T>,
    subscribers: Subscribers,
}

impl<T> Clone for RwSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for RwSignal<T> {}

impl<T: 'static> RwSignal<T> {
    pub fn new(value: T) -> Self {
        let node = Box::leak(Box::new(SignalNode { value: RefCell::new(value), subscribers: Subscribers::default() }));
        RwSignal { node }
    }
    /// Reads the value through `f`, subscribing the running effect.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.node.subscribers.track();
        f(&self.node.value.borrow())
    }
    /// Reads the value through `f`, without subscribing.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        f(&self.node.value.borrow())
    }
    /// Changes the value in place and tells its subscribers.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        f(&mut self.node.value.borrow_mut());
        self.node.subscribers.notify();
    }
    /// Replaces the value and tells its subscribers (whether or not it is equal).
    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }
}

impl<T: Clone + 'static> RwSignal<T> {
    /// The value, subscribing the running effect.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }
    /// The value, without subscribing.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

/// A value derived from signals, computed again when read after one of them changed.
pub struct Memo<T: 'static> {
    node: &'static MemoNode<T>,
}

struct MemoNode<T> {
    compute: Box<dyn Fn() -> T>,
    /// `None` until first read and after a source changed.
    value: RefCell<Option<T>>,
    subscribers: Subscribers,
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Memo<T> {}

impl<T: 'static> Observer for MemoNode<T> {
    fn notify(&'static self) {
        if self.value.borrow_mut().take().is_some() {
            self.subscribers.notify();
        }
    }
}

impl<T: 'static> Memo<T> {
    pub fn new(compute: impl Fn() -> T + 'static) -> Self {
        let node = Box::leak(Box::new(MemoNode {
            compute: Box::new(compute),
            value: RefCell::new(None),
            subscribers: Subscribers::default(),
        }));
        Memo { node }
    }
    /// Reads the value through `f`, subscribing the running effect.
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.node.subscribers.track();
        self.with_untracked(f)
    }
    /// Reads the value through `f`, without subscribing.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        let node = self.node;
        if let Some(value) = &*node.value.borrow() {
            return f(value);
        }
        let value = observing(Some(node), &node.compute);
        let out = f(&value);
        *node.value.borrow_mut() = Some(value);
        out
    }
}

/// A closure run again whenever a signal it read changed.
struct EffectNode {
    run: Box<dyn Fn()>,
    queued: Cell<bool>,
}

impl Observer for EffectNode {
    fn notify(&'static self) {
        if self.queued.replace(true) {
            return;
        }
        QUEUE.with(|q| q.borrow_mut().push_back(self));
        if !SCHEDULED.with(|s| s.replace(true)) {
            queue_microtask(flush);
        }
    }
}

/// Runs `f` now and again whenever a signal it read changes, for as long as the page lives.
pub fn effect(f: impl Fn() + 'static) {
    let node: &'static EffectNode = Box::leak(Box::new(EffectNode { run: Box::new(f), queued: Cell::new(false) }));
    observing(Some(node), &node.run);
}

/// Runs the queued effects, and those they queue, until none is left.
fn flush() {
    SCHEDULED.with(|s| s.set(false));
    while let Some(node) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        node.queued.set(false);
        observing(Some(node), &node.run);
    }
}

fn queue_microtask(f: fn()) {
    let f = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        window.queue_microtask(f.unchecked_ref());
    }
}

/// A value kept for the page's views, read and written without subscriptions.
pub struct StoredValue<T: 'static> {
    cell: &'static RefCell<T>,
}

impl<T> Clone for StoredValue<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for StoredValue<T> {}

impl<T: 'static> StoredValue<T> {
    pub fn new(value: T) -> Self {
        StoredValue { cell: Box::leak(Box::new(RefCell::new(value))) }
    }
    pub fn with_value<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        f(&self.cell.borrow())
    }
    pub fn update_value<U>(&self, f: impl FnOnce(&mut T) -> U) -> U {
        f(&mut self.cell.borrow_mut())
    }
    pub fn set_value(&self, value: T) {
        *self.cell.borrow_mut() = value;
    }
}

impl<T: Clone + 'static> StoredValue<T> {
    pub fn get_value(&self) -> T {
        self.with_value(T::clone)
    }
}
