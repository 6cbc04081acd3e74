//! The server's integration tests, in one binary: each test binary links the
//! whole portal, and one link instead of several saves minutes and gigabytes.

mod common;

mod accessibility;
mod accounts;
mod applying;
mod attack;
mod authorization;
mod awards;
mod backup;
mod binary;
mod context;
mod disk;
mod durability;
mod jury;
mod mail;
mod motivations;
mod organising;
mod outage;
mod pages;
mod probe;
mod ranking;
mod retention;
mod storage;
mod visibility;
