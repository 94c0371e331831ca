package com.novabilling.application.port.out.archfixture;

import com.novabilling.application.port.in.customer.CreateCustomerCommand;

/** Deliberately couples an out-port to an in-port type (test fixture). */
public interface OutPortReturningAnInPortType {

    CreateCustomerCommand lastCommand();
}
