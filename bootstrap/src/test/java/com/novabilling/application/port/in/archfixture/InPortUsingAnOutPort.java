package com.novabilling.application.port.in.archfixture;

import com.novabilling.application.port.out.customer.CustomerRepository;

/** Deliberately couples an in-port to an out-port (test fixture). */
public interface InPortUsingAnOutPort {

    CustomerRepository repository();
}
