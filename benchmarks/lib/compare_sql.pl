#!/usr/bin/perl
# The app's SQL, as PostgreSQL logged it (log_min_duration_statement = 0), against the pgbench scripts.
#
# compare_sql.pl SERVER_LOG PGBENCH_SCRIPT
#   SERVER_LOG holds one request to the app. Lists the statements the app executed (with their bind values)
#   and checks that every statement of the script is one of them, as text: whitespace collapsed, bind
#   markers ($1 in the log, :name in the script) compared as '?'. Not checked: statements on bench.* (the
#   script's own lookups); statements inside \if (run on a condition, as in the app) when absent.
#   Exit status 1 when a statement of the script is not one the app executed.
#
# compare_sql.pl --modes SERVER_LOG
#   For each distinct statement: how often it ran as a named server-side prepared statement (execute S_n),
#   as an unnamed one (execute <unnamed>) and through the simple protocol.
#
# compare_sql.pl --mode-for SERVER_LOG PGBENCH_SCRIPT [REQUEST_LOG]
#   The pgbench -M mode matching how the app ran the script's statements: 'prepared' when they ran named,
#   'extended' when they ran unnamed, 'unknown' when the log does not hold them. With REQUEST_LOG (the
#   scenario's one request), only the script's statements that request executed count: a script's other
#   branch (under \if) may be another scenario's statement, run in another mode.
#
# compare_sql.pl --limit-offset SERVER_LOG
#   The LIMIT and OFFSET of the first statement with 'LIMIT $n OFFSET $m' (their bind values) or with both as
#   numbers in its text (a list filtered by its tenant alone).
use strict;
use warnings;

my $mode = @ARGV && $ARGV[0] =~ /^--/ ? shift @ARGV : '';
my ($log, $script, $request_log) = @ARGV;
die "usage: see the head of compare_sql.pl\n"
    unless defined $log && ($mode eq '--modes' || $mode eq '--limit-offset' || defined $script);

sub norm {
    my ($s) = @_;
    $s =~ s/\s+/ /g;
    $s =~ s/^ //;
    $s =~ s/ ?;? ?$//;
    return $s;
}

sub app_key {
    (my $n = norm($_[0])) =~ s/\$\d+/?/g;
    return $n;
}

sub script_key {
    (my $n = norm($_[0])) =~ s/(?<!:):[A-Za-z_]\w*/?/g;
    return $n;
}

sub short {
    my ($s, $max) = @_;
    return length($s) > $max ? substr($s, 0, 40) . ' ... ' . substr($s, -($max - 45)) : $s;
}

# The app's statements: "execute <name>: <sql>" entries (extended protocol) and "statement: <sql>" ones
# (simple protocol: pgjdbc's BEGIN). Continuation lines start with a tab; "DETAIL:  parameters: ..."
# right after an execute entry holds its bind values.
sub read_log {
    my ($file) = @_;
    my (@entries, $cur);
    my $after_execute = 0;
    open my $lf, '<', $file or die "$file: $!\n";
    while (my $line = <$lf>) {
        chomp $line;
        if ($line =~ /^\t/) {
            $cur->{text} .= "\n" . substr($line, 1) if $cur;
            next;
        }
        if ($cur) {
            push @entries, $cur;
            undef $cur;
        }
        if ($line =~ /\bexecute ([^:]+): (.*)$/) {
            $cur = { name => $1, text => $2, params => '' };
            $after_execute = 1;
        } elsif ($line =~ /\bstatement: (.*)$/) {
            $cur = { name => 'simple', text => $1, params => '' };
            $after_execute = 0;
        } elsif ($line =~ /DETAIL:\s+parameters: (.*)$/) {
            $entries[-1]{params} = $1 if $after_execute && @entries;
            $after_execute = 0;
        } else {
            $after_execute = 0;
        }
    }
    push @entries, $cur if $cur;
    close $lf;
    return @entries;
}

my @app = read_log($log);

my (%count, @order);
for my $e (@app) {
    my $k = app_key($e->{text});
    push @order, $k unless $count{$k};
    my $kind = $e->{name} eq 'simple' ? 'simple' : $e->{name} eq '<unnamed>' ? 'unnamed' : 'named';
    $count{$k}{$kind}++;
}

if ($mode eq '--modes') {
    for my $k (@order) {
        printf "%4d named %4d unnamed %4d simple  %s\n", $count{$k}{named} // 0, $count{$k}{unnamed} // 0,
            $count{$k}{simple} // 0, short($k, 130);
    }
    exit 0;
}

if ($mode eq '--limit-offset') {
    for my $e (@app) {
        if ($e->{text} =~ /LIMIT (\d+) OFFSET (\d+)/) {
            print "$1 $2\n";
            exit 0;
        }
        next unless $e->{text} =~ /LIMIT \$(\d+) OFFSET \$(\d+)/;
        my ($l, $o) = ($1, $2);
        my %v = $e->{params} =~ /\$(\d+) = '([^']*)'/g;
        die "no bind values for LIMIT/OFFSET in $log\n" unless defined $v{$l} && defined $v{$o};
        print "$v{$l} $v{$o}\n";
        exit 0;
    }
    die "no statement with LIMIT and OFFSET in $log\n";
}

# The script's SQL commands end with ';' or '\gset'; comments and meta-commands are skipped, and
# commands between \if and \endif are marked conditional.
my (@script, $buf, $depth);
($buf, $depth) = ('', 0);
open my $sf, '<', $script or die "$script: $!\n";
while (my $line = <$sf>) {
    chomp $line;
    next if $buf eq '' && ($line =~ /^\s*--/ || $line =~ /^\s*$/);
    if ($line =~ /^\s*\\(\w+)/) {    # meta-command: \set, \if, \endif, \startpipeline, ...
        $depth++ if $1 eq 'if';
        $depth-- if $1 eq 'endif';
        next;
    }
    $buf .= ($buf eq '' ? '' : "\n") . $line;
    if ($buf =~ s/\\gset\s*$// || $buf =~ /;\s*$/) {
        push @script, { text => $buf, conditional => $depth > 0 };
        $buf = '';
    }
}
close $sf;

if ($mode eq '--mode-for') {
    my %requested = defined $request_log ? map { app_key($_->{text}) => 1 } read_log($request_log) : ();
    my ($named, $unnamed) = (0, 0);
    for my $s (@script) {
        next if $s->{text} =~ /\bbench\./ || norm($s->{text}) =~ /^(BEGIN|COMMIT)$/i;
        next if defined $request_log && !$requested{script_key($s->{text})};
        my $c = $count{script_key($s->{text})} or next;
        $named += $c->{named} // 0;
        $unnamed += $c->{unnamed} // 0;
    }
    print $named + $unnamed == 0 ? "unknown\n" : $named > 0 ? "prepared\n" : "extended\n";
    exit 0;
}

print "app (one request), statements executed:\n";
for my $e (@app) {
    print "  [$e->{name}] ", short(norm($e->{text}), 150), "\n";
    print "      bind: $e->{params}\n" if $e->{params} ne '';
}
print "pgbench script $script:\n";
my $missing = 0;
for my $s (@script) {
    my $n = norm($s->{text});
    my $line = short($n, 110);
    if ($n =~ /\bbench\./) {
        print "  helper       $line\n";
    } elsif ($count{script_key($s->{text})}) {
        print "  same         $line\n";
    } elsif ($s->{conditional}) {
        print "  conditional  $line  (not run for this request)\n";
    } else {
        print "  MISSING      $line\n";
        $missing++;
    }
}
exit($missing ? 1 : 0);
