#!/usr/bin/perl
# jfr_top.pl RECORDING.jfr [N]: the top N frames of a Java Flight Recorder recording's execution samples
# (jdk.ExecutionSample, read with the JDK's `jfr print`), in two lists: self (the frame on top of the
# sampled stack) and total (each method on the stack, once per sample). Line numbers are dropped, so a
# method is one entry.
use strict;
use warnings;

my ($file, $n) = @ARGV;
die "usage: jfr_top.pl RECORDING.jfr [N]\n" unless defined $file;
$n //= 25;
open my $in, '-|', 'jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '128', $file
    or die "jfr print: $!\n";
my (%self, %total, @stack, $in_stack);
my $samples = 0;
my $truncated = 0;
sub flush_stack {
    return unless @stack;
    $samples++;
    $self{$stack[0]}++;
    my %seen;
    $total{$_}++ for grep { !$seen{$_}++ } @stack;
    @stack = ();
}
while (my $line = <$in>) {
    if ($line =~ /^\s*stackTrace = \[/) { $in_stack = 1; @stack = (); next; }
    if ($in_stack) {
        if ($line =~ /^\s*\]/) { $in_stack = 0; flush_stack(); next; }
        if ($line =~ /^\s*\.\.\./) { $truncated++; next; }
        (my $f = $line) =~ s/^\s+|\s+$//g;
        $f =~ s/\s+line:.*$//;
        push @stack, $f if length $f;
    }
}
close $in;
die "no execution samples in $file\n" unless $samples;
sub top {
    my ($h, $title) = @_;
    printf "%s (of %d samples)\n", $title, $samples;
    my @k = sort { $h->{$b} <=> $h->{$a} || $a cmp $b } keys %$h;
    for my $k (@k[0 .. ($#k < $n - 1 ? $#k : $n - 1)]) {
        my $s = length($k) > 110 ? substr($k, 0, 107) . '...' : $k;
        printf "  %5.1f%%  %s\n", 100 * $h->{$k} / $samples, $s;
    }
}
top(\%self, 'self: top frame');
top(\%total, 'total: on the stack');
print "  ($truncated stacks deeper than 128 frames, cut)\n" if $truncated;
